package io.huduma.catalog.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A service of an agency as stored: its identity, life-cycle state, pending draft (null when none)
 * and latest published version number (null before the first publication).
 */
record PublicService(UUID id, String agencyCode, String slug, ServiceStatus status, ServiceContent draft,
                     Instant draftUpdatedAt, String draftUpdatedBy, Integer currentVersion, Instant createdAt) {
}
