package io.huduma.ussd.menu;

import java.util.List;
import java.util.Optional;

/** What the menu needs from service-catalog: agencies and services open to the USSD channel. */
public interface Catalogue {

    /** Active agencies with at least one published service open to USSD, by code. */
    List<AgencyEntry> ussdAgencies();

    /** The agency's published services open to USSD, by slug. */
    List<ServiceEntry> ussdServices(String agencyCode);

    /** The latest published version of a service, if it is still published. */
    Optional<ServiceEntry> service(String serviceId);

    /** An agency as the menu lists it. */
    record AgencyEntry(String code, Bilingual name) {
    }

    /**
     * A published service version as the menu shows it; {@code feeMinor} is null when the service is free.
     */
    record ServiceEntry(String id, int version, String agencyCode, Bilingual name, String formSchemaJson,
                        Long feeMinor, String feeCurrency, int slaWorkingDays, boolean openToUssd) {
    }
}
