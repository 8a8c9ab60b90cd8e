package io.huduma.requests.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What open statistics need of one request: no person, only the service, the dates and the outcome. */
record Decision(String agencyCode, UUID serviceId, String serviceNameSw, String serviceNameEn, Instant submittedAt,
                String status, Instant decidedAt, LocalDate dueDate, int pausedWorkingDays) {
}
