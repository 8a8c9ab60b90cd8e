package io.huduma.catalog.service;

import java.util.UUID;

import io.huduma.catalog.language.LocalizedText;

/** A service was retired after version {@code lastVersion} (a domain event, published to Kafka by an adapter). */
public record ServiceRetired(UUID serviceId, int lastVersion, String agencyCode, LocalizedText name) {
}
