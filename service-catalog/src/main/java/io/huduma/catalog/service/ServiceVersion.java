package io.huduma.catalog.service;

import java.time.Instant;
import java.util.UUID;

/**
 * One published version of a service, immutable; {@code serviceStatus} is the service's state now
 * (a retired service keeps its versions readable).
 */
public record ServiceVersion(UUID serviceId, int version, String agencyCode, String slug, ServiceContent content,
                             Instant publishedAt, ServiceStatus serviceStatus, int latestVersion) {
}
