package io.huduma.catalog.agency;

import io.huduma.catalog.language.LocalizedText;

/** A government agency that offers services on the platform, known by its short code (e.g. {@code brela}). */
public record Agency(String code, LocalizedText name, String contactEmail, String contactPhone, String website,
                     AgencyStatus status) {

    public boolean isActive() {
        return status == AgencyStatus.ACTIVE;
    }

    public io.huduma.contracts.catalog.v1.Agency toProto() {
        io.huduma.contracts.catalog.v1.Agency.Builder builder = io.huduma.contracts.catalog.v1.Agency.newBuilder()
                .setCode(code)
                .setName(name.toProto())
                .setStatus(status == AgencyStatus.ACTIVE
                        ? io.huduma.contracts.catalog.v1.AgencyStatus.AGENCY_STATUS_ACTIVE
                        : io.huduma.contracts.catalog.v1.AgencyStatus.AGENCY_STATUS_SUSPENDED)
                .setContactEmail(contactEmail)
                .setContactPhone(contactPhone);
        if (website != null) {
            builder.setWebsite(website);
        }
        return builder.build();
    }
}
