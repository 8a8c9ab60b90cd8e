package io.huduma.requests.request;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A timeline entry as the API shows it. The citizen sees which office acted ({@code office}, the
 * agency code) but not which member of staff; staff also see the actor and internal entries.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntryView(Instant at, String kind, String fromStatus, String toStatus, String actor,
                                String office, String actorSubject, String note, Boolean visibleToCitizen) {

    static TimelineEntryView of(TimelineEntry e, boolean forStaff) {
        return new TimelineEntryView(e.at(), e.kind().name(), e.fromStatus() == null ? null : e.fromStatus().name(),
                e.toStatus() == null ? null : e.toStatus().name(), e.actorRole(), e.actorAgency(),
                forStaff ? e.actorSubject() : null, e.note(), forStaff ? e.visibleToCitizen() : null);
    }
}
