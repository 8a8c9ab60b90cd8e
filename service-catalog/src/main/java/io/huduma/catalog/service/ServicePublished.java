package io.huduma.catalog.service;

import java.util.UUID;

/** A draft became version {@code version} of a service (a domain event, published to Kafka by an adapter). */
public record ServicePublished(UUID serviceId, int version, String agencyCode, String slug, ServiceContent content) {
}
