package io.huduma.requests.request;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.huduma.platform.domain.DomainException;
import io.huduma.platform.security.Caller;
import io.huduma.platform.language.Language;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The citizen's side of requests: apply, list, read, follow the timeline, answer, withdraw. */
@RestController
@Validated
@RequestMapping(RequestHttpConfiguration.REQUESTS)
class RequestController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final SubmittingRequests submitting;
    private final ReadingRequests reading;
    private final FollowingRequests following;

    RequestController(SubmittingRequests submitting, ReadingRequests reading, FollowingRequests following) {
        this.submitting = submitting;
        this.reading = reading;
        this.following = following;
    }

    /** Body of a submission. */
    record SubmitBody(@NotNull UUID serviceId, @NotNull JsonNode answers,
                      @NotNull @Pattern(regexp = "web|mobile|sms|ussd") String channel) {
    }

    /** Body of a citizen's response to a request for information. */
    record ResponseBody(@NotNull JsonNode answers, @Size(max = 2000) String note) {
    }

    /** Body of a withdrawal. */
    record WithdrawalBody(@Size(max = 2000) String reason) {
    }

    @PostMapping
    ResponseEntity<RequestView> submit(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                       @Valid @RequestBody SubmitBody body, Caller caller,
                                       @AuthenticationPrincipal Jwt jwt, Locale locale) {
        Viewer citizen = RequestHttpConfiguration.citizen(caller);
        Language lang = Language.of(locale);
        if (key == null || key.isBlank()) {
            throw DomainException.invalid(IDEMPOTENCY_KEY, lang.pick(
                    "kichwa Idempotency-Key kinahitajika: ufunguo mmoja kwa kila ombi, urudiwe kila jaribio",
                    "the Idempotency-Key header is required: one key per application, repeated on every retry"));
        }
        if (key.length() > 100 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw DomainException.invalid(IDEMPOTENCY_KEY, lang.pick("ufunguo usizidi herufi 100 za ASCII zinazoonekana",
                    "at most 100 visible ASCII characters"));
        }
        String phone = jwt == null ? null : jwt.getClaimAsString("phone_number");
        SubmittingRequests.Submitted submitted = submitting.submit(new Submission(citizen.subject(), phone, key,
                body.serviceId(), body.answers(), Channel.of(body.channel()), lang));
        RequestView view = submitted.request();
        return ResponseEntity.created(URI.create(RequestHttpConfiguration.REQUESTS + "/" + view.id()))
                .eTag(view.etag())
                .header("Idempotent-Replayed", String.valueOf(submitted.replayed()))
                .body(view);
    }

    @GetMapping
    Page<RequestView> mine(@RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        return reading.mine(RequestHttpConfiguration.citizen(caller), page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<RequestView> read(@PathVariable UUID id, Caller caller) {
        return withEtag(reading.read(id, RequestHttpConfiguration.viewer(caller)));
    }

    @GetMapping("/by-tracking-number/{trackingNumber}")
    ResponseEntity<RequestView> byTrackingNumber(@PathVariable String trackingNumber, Caller caller) {
        return withEtag(reading.readByTrackingNumber(trackingNumber, RequestHttpConfiguration.citizen(caller)));
    }

    @GetMapping("/{id}/timeline")
    List<TimelineEntryView> timeline(@PathVariable UUID id, Caller caller) {
        return reading.timeline(id, RequestHttpConfiguration.viewer(caller));
    }

    @PostMapping("/{id}/responses")
    ResponseEntity<RequestView> respond(@PathVariable UUID id, @Valid @RequestBody ResponseBody body, Caller caller,
                                        Locale locale) {
        return withEtag(following.respond(id, RequestHttpConfiguration.citizen(caller), body.answers(), body.note(),
                Language.of(locale)));
    }

    @PostMapping("/{id}/withdrawal")
    ResponseEntity<RequestView> withdraw(@PathVariable UUID id, @Valid @RequestBody(required = false) WithdrawalBody body,
                                         Caller caller) {
        return withEtag(following.withdraw(id, RequestHttpConfiguration.citizen(caller), body == null ? null : body.reason()));
    }

    static ResponseEntity<RequestView> withEtag(RequestView view) {
        return ResponseEntity.status(HttpStatus.OK).eTag(view.etag()).cacheControl(CacheControl.noCache().cachePrivate())
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION).body(view);
    }
}
