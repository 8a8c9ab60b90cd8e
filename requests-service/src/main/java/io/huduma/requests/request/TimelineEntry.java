package io.huduma.requests.request;

import java.time.Instant;

/**
 * One step in a request's history.
 *
 * @param actorRole    {@code citizen}, {@code officer}, {@code system}
 * @param actorAgency  the office that acted (agency code) for staff
 * @param actorSubject who acted; never shown to the citizen for staff
 */
public record TimelineEntry(Instant at, Kind kind, RequestStatus fromStatus, RequestStatus toStatus, String actorRole,
                            String actorAgency, String actorSubject, String note, boolean visibleToCitizen) {

    /** What happened. */
    public enum Kind {
        SUBMITTED, STATUS_CHANGED, RESPONDED, ASSIGNED, UNASSIGNED, NOTE, ACCESSED, SLA_BREACHED,
        NOTIFICATION_DELIVERED, NOTIFICATION_FAILED
    }

    static final String CITIZEN = "citizen";
    static final String OFFICER = "officer";
    static final String SYSTEM = "system";
}
