package io.huduma.catalog.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import io.huduma.platform.language.Language;

/**
 * A published version as citizens read it: texts in their language (Swahili first, English as
 * fallback); the form schema carries both languages in its labels.
 */
record ServiceVersionView(UUID id, int version, int latestVersion, ServiceStatus status, String agencyCode,
                          String agencyName, String slug, String name, String description, String category,
                          String eligibility, List<String> requiredDocuments, JsonNode formSchema, Fee fee, boolean free,
                          int slaWorkingDays, Set<Channel> channels, ContactView contact, Instant publishedAt,
                          String language) {

    record ContactView(String email, String phone, String office) {
    }

    static ServiceVersionView of(ServiceVersion version, String agencyName, Language lang) {
        ServiceContent content = version.content();
        ContactPoint contact = content.contact();
        return new ServiceVersionView(version.serviceId(), version.version(), version.latestVersion(),
                version.serviceStatus(), version.agencyCode(), agencyName, version.slug(), content.name().in(lang),
                content.description().in(lang), content.category(),
                content.eligibility() == null ? null : content.eligibility().in(lang),
                content.requiredDocuments().stream().map(text -> text.in(lang)).toList(), content.formSchema(),
                content.fee(), content.fee() == null || content.fee().amountMinor() == 0, content.slaWorkingDays(),
                content.channels(),
                contact == null ? null : new ContactView(contact.email(), contact.phone(),
                        contact.office() == null ? null : contact.office().in(lang)),
                version.publishedAt(), lang.tag());
    }
}
