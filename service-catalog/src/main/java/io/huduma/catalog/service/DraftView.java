package io.huduma.catalog.service;

import java.time.Instant;
import java.util.UUID;

import io.huduma.catalog.language.LocalizedText;

/** A service as its agency's staff see it: state, latest version and the pending draft in both languages. */
record DraftView(UUID id, String agencyCode, String slug, ServiceStatus status, Integer currentVersion,
                 LocalizedText name, boolean hasDraft, ServiceContent draft, Instant draftUpdatedAt, String draftUpdatedBy) {

    static DraftView of(PublicService service, LocalizedText publishedName, boolean withDraft) {
        LocalizedText name = service.draft() != null ? service.draft().name() : publishedName;
        return new DraftView(service.id(), service.agencyCode(), service.slug(), service.status(),
                service.currentVersion(), name, service.draft() != null, withDraft ? service.draft() : null,
                service.draftUpdatedAt(), service.draftUpdatedBy());
    }
}
