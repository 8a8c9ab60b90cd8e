package io.huduma.catalog.agency;

import io.huduma.catalog.language.LocalizedText;
import io.huduma.platform.language.Language;

/** An agency as the REST API shows it: the name in the caller's language, and both names. */
record AgencyView(String code, String name, LocalizedText names, AgencyStatus status, String contactEmail,
                  String contactPhone, String website) {

    static AgencyView of(Agency agency, Language lang) {
        return new AgencyView(agency.code(), agency.name().in(lang), agency.name(), agency.status(),
                agency.contactEmail(), agency.contactPhone(), agency.website());
    }
}
