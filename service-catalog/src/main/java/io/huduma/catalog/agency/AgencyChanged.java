package io.huduma.catalog.agency;

/** An agency was created or its details or status changed (a domain event, published to Kafka by an adapter). */
public record AgencyChanged(Agency agency) {
}
