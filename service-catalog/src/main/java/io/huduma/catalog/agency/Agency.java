package io.huduma.catalog.agency;

import io.huduma.catalog.language.LocalizedText;

/** A government agency that offers services on the platform, known by its short code (e.g. {@code brela}). */
public record Agency(String code, LocalizedText name, String contactEmail, String contactPhone, String website,
                     AgencyStatus status) {

    public boolean isActive() {
        return status == AgencyStatus.ACTIVE;
    }
}
