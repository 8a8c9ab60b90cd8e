package io.huduma.catalog.agencyapi;

/** An agency API was registered, changed or removed (a domain event, published to Kafka by an adapter). */
public record AgencyApiChanged(Change change, AgencyApi api) {

    /** What happened to the API: it exists as {@code api} now, or it is gone. */
    public enum Change { UPSERTED, REMOVED }
}
