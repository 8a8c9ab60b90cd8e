package io.huduma.requests.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.huduma.platform.domain.DomainException;
import io.huduma.platform.domain.DomainException.FieldError;
import io.huduma.requests.calendar.WorkingCalendar;
import io.huduma.requests.catalog.PublishedServices;
import io.huduma.requests.catalog.ServiceDefinition;
import io.huduma.requests.form.AnswerValidator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A citizen applies for a published service. Idempotent per (citizen, idempotency key): the key is
 * claimed first in the transaction that creates the request, so a retry, even a concurrent one,
 * gets the first response back and never makes a second request; a key reused with another body
 * is refused.
 */
@Service
public class SubmittingRequests {

    private static final int TRACKING_NUMBER_ATTEMPTS = 5;

    private final PublishedServices services;
    private final AnswerValidator validator;
    private final RequestRepository repository;
    private final RequestEventPublisher events;
    private final WorkingCalendar calendar;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SubmittingRequests(PublishedServices services, AnswerValidator validator, RequestRepository repository,
                       RequestEventPublisher events, WorkingCalendar calendar, TransactionTemplate transactions,
                       JsonMapper json, Clock clock) {
        this.services = services;
        this.validator = validator;
        this.repository = repository;
        this.events = events;
        this.calendar = calendar;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** The outcome: the request as first answered, and whether this call replayed an earlier one. */
    public record Submitted(RequestView request, boolean replayed) {
    }

    public Submitted submit(Submission submission) {
        String hash = bodyHash(submission);
        var existing = repository.findKey(submission.citizenSubject(), submission.idempotencyKey());
        if (existing.isPresent()) {
            return replay(existing.get(), hash);
        }
        ServiceDefinition service = services.current(submission.serviceId());
        validator.requireValid(service.formSchemaJson(), submission.answers(), submission.lang());
        Submitted created = transactions.execute(status -> create(submission, service, hash));
        if (created != null) {
            return created;
        }
        // another call with this key committed first: answer as it was answered
        return replay(repository.findKey(submission.citizenSubject(), submission.idempotencyKey())
                .orElseThrow(() -> DomainException.conflict("The submission with this Idempotency-Key is still in progress")), hash);
    }

    private Submitted create(Submission submission, ServiceDefinition service, String hash) {
        Instant now = clock.instant();
        if (!repository.claimKey(submission.citizenSubject(), submission.idempotencyKey(), hash, now)) {
            return null;
        }
        ServiceSnapshot snapshot = new ServiceSnapshot(service.serviceId(), service.version(), service.agencyCode(),
                service.nameSw(), service.nameEn(), service.feeAmountMinor(), service.feeCurrency(),
                service.slaWorkingDays());
        String answers = json.writeValueAsString(submission.answers());
        Request request = null;
        for (int attempt = 0; attempt < TRACKING_NUMBER_ATTEMPTS && request == null; attempt++) {
            Request candidate = Request.submitted(UUID.randomUUID(), TrackingNumber.random(random),
                    submission.citizenSubject(), submission.citizenPhone(), submission.channel(), snapshot, answers, now,
                    calendar);
            if (repository.insert(candidate)) {
                request = candidate;
            }
        }
        if (request == null) {
            throw new IllegalStateException("no free tracking number after " + TRACKING_NUMBER_ATTEMPTS + " attempts");
        }
        repository.append(request.id(), new TimelineEntry(now, TimelineEntry.Kind.SUBMITTED, null, RequestStatus.SUBMITTED,
                TimelineEntry.CITIZEN, null, request.citizenSubject(), null, true));
        events.submitted(request);
        RequestView view = RequestView.of(request, false, calendar, now, json);
        repository.completeKey(submission.citizenSubject(), submission.idempotencyKey(), request.id(),
                json.writeValueAsString(view));
        return new Submitted(view, false);
    }

    private Submitted replay(RequestRepository.SubmissionKey key, String hash) {
        if (!key.bodyHash().equals(hash)) {
            throw DomainException.unprocessable("This Idempotency-Key was already used for a different submission; "
                    + "use a new key for a new application", List.of(new FieldError("Idempotency-Key", "already used for another body")));
        }
        return new Submitted(json.readValue(key.responseJson(), RequestView.class), true);
    }

    /** SHA-256 of the submission's content with object members in a fixed order. */
    private String bodyHash(Submission submission) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("serviceId", submission.serviceId().toString());
        body.set("answers", submission.answers());
        body.put("channel", submission.channel().code());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(canonical(body)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), canonical(e.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            sorted.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(canonical(item)));
            return copy;
        }
        return node;
    }
}
