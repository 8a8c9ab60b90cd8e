package io.huduma.requests.request;

import java.time.LocalDate;
import java.util.UUID;

import io.huduma.platform.problem.ApiProblem;
import io.huduma.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Agency staff's side: the queue of their agency (from the token), assignment, decisions, notes. */
@RestController
@Validated
@RequestMapping(RequestHttpConfiguration.REQUESTS)
class QueueController {

    private final ProcessingRequests processing;

    QueueController(ProcessingRequests processing) {
        this.processing = processing;
    }

    /** Body of an assignment: {@code "self"} to take the request, null to give it back. */
    record AssignmentBody(@Pattern(regexp = "self") String assignee) {
    }

    /** Body of a status change. */
    record StatusChangeBody(@NotNull RequestStatus to, @Size(max = 2000) String note, Boolean visibleToCitizen,
                            @Size(max = 100) String outcomeReference) {
    }

    /** Body of a note. */
    record NoteBody(@NotBlank @Size(max = 2000) String text, Boolean visibleToCitizen) {
    }

    /**
     * @param assignee {@code me}, {@code none} or an officer's subject
     */
    @GetMapping("/queue")
    Page<RequestView> queue(@RequestParam(required = false) RequestStatus status,
                            @RequestParam(required = false) UUID serviceId,
                            @RequestParam(required = false) @Size(max = 100) String assignee,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        Viewer staff = RequestHttpConfiguration.viewer(caller);
        String who = "me".equals(assignee) ? staff.subject() : "none".equals(assignee) ? null : assignee;
        QueueFilter filter = new QueueFilter(staff.agency(), status, serviceId, who, "none".equals(assignee), dueBefore);
        return processing.queue(staff, filter, page, size);
    }

    @PostMapping("/{id}/assignment")
    ResponseEntity<RequestView> assign(@PathVariable UUID id, @Valid @RequestBody AssignmentBody body, Caller caller) {
        return RequestController.withEtag(processing.assign(id, RequestHttpConfiguration.viewer(caller), body.assignee() != null));
    }

    @PostMapping("/{id}/status-changes")
    ResponseEntity<RequestView> changeStatus(@PathVariable UUID id,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody StatusChangeBody body, Caller caller) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiProblem.of(HttpStatus.PRECONDITION_REQUIRED, "precondition-required",
                    "Send If-Match with the ETag of the request as you last read it", java.util.List.of());
        }
        String seen = ifMatch.trim().startsWith("W/") ? ifMatch.trim().substring(2) : ifMatch.trim();
        return RequestController.withEtag(processing.changeStatus(id, RequestHttpConfiguration.viewer(caller), seen,
                body.to(), body.note(), Boolean.TRUE.equals(body.visibleToCitizen()), body.outcomeReference()));
    }

    @PostMapping("/{id}/notes")
    ResponseEntity<TimelineEntryView> addNote(@PathVariable UUID id, @Valid @RequestBody NoteBody body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(processing.addNote(id, RequestHttpConfiguration.viewer(caller), body.text(), Boolean.TRUE.equals(body.visibleToCitizen())));
    }
}
