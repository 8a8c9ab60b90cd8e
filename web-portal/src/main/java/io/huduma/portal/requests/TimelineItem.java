package io.huduma.portal.requests;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** One step of a request's timeline: the citizen sees the office that acted; staff also who, and internal notes. */
public record TimelineItem(Instant at, String kind, String fromStatus, String toStatus, String actor, String office,
                           String actorSubject, String note, Boolean visibleToCitizen) {

    static TimelineItem of(JsonNode e) {
        return new TimelineItem(Instant.parse(e.path("at").asString()), e.path("kind").asString(),
                e.path("fromStatus").asString(null), e.path("toStatus").asString(null), e.path("actor").asString(null),
                e.path("office").asString(null), e.path("actorSubject").asString(null), e.path("note").asString(null),
                e.path("visibleToCitizen").isBoolean() ? e.path("visibleToCitizen").asBoolean() : null);
    }

    /** A question or note of the officer that the citizen is shown (the citizen's view holds only visible entries). */
    public boolean internal() {
        return Boolean.FALSE.equals(visibleToCitizen);
    }
}
