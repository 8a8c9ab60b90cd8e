package io.huduma.requests.request;

import java.time.Instant;
import java.time.LocalDate;

/** What the SMS and USSD channels may tell about a request: nothing personal. */
public record PublicStatus(String trackingNumber, RequestStatus status, String serviceNameSw, String serviceNameEn,
                           String agencyCode, Instant updatedAt, String visibleNote, LocalDate dueDate, boolean onTime) {
}
