package io.huduma.requests.request;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts notifications-service's delivery reports (an SMS or email about a request reached the citizen,
 * or could not) in the request's timeline, once per report.
 */
@Service
class RecordingDeliveries {

    private final RequestRepository repository;

    RecordingDeliveries(RequestRepository repository) {
        this.repository = repository;
    }

    /**
     * @param causeEventId the event of ours the message was about
     * @param reportId     the report's own event id (a redelivered report adds nothing)
     * @return whether an entry was added (false: not about one of our requests, or already recorded)
     */
    @Transactional
    boolean record(String causeEventId, String channel, boolean delivered, String reason, String reportId, Instant at) {
        Optional<UUID> request = repository.requestOfEvent(causeEventId);
        if (request.isEmpty()) {
            return false;
        }
        String note = delivered ? channel : channel + (reason == null || reason.isBlank() ? "" : ": " + reason);
        return repository.append(request.get(), new TimelineEntry(at, delivered ? TimelineEntry.Kind.NOTIFICATION_DELIVERED
                : TimelineEntry.Kind.NOTIFICATION_FAILED, null, null, TimelineEntry.SYSTEM, null, null, note, true), reportId);
    }
}
