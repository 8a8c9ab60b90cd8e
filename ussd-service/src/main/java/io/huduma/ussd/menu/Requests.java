package io.huduma.ussd.menu;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the menu needs from requests-service: submitting, a status by tracking number, recent requests. */
public interface Requests {

    /** Submits an application; the same key always gives the same request. */
    Receipt submit(Submission submission);

    /** The status of a request made from {@code phone}; empty when unknown or made from another phone. */
    Optional<Status> status(String trackingNumber, String phone);

    /** The citizen's most recent requests, newest first. */
    List<Status> recent(String citizenSubject, int limit);

    /** An application as the menu sends it. */
    record Submission(String citizenSubject, String idempotencyKey, String serviceId, String answersJson, String phone) {
    }

    /** What the citizen is told once the request is in. */
    record Receipt(String trackingNumber, Bilingual serviceName, String dueDate) {
    }

    /** Where a request stands. */
    record Status(String trackingNumber, String status, Bilingual serviceName, String dueDate, String note,
                  Instant submittedAt) {
    }
}
