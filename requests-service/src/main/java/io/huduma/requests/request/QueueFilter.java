package io.huduma.requests.request;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What an officer asks of their agency's queue; the agency always comes from their token.
 *
 * @param assignee   only requests assigned to this subject (null: anyone)
 * @param unassigned only requests assigned to nobody
 */
public record QueueFilter(String agencyCode, RequestStatus status, UUID serviceId, String assignee, boolean unassigned,
                          LocalDate dueBefore) {
}
