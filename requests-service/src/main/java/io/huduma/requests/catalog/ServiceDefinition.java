package io.huduma.requests.catalog;

import java.util.UUID;

/**
 * One published version of a catalogue service, as requests-service needs it: what it is, whose it
 * is, its form schema, fee and SLA. Versions never change once published.
 *
 * @param feeAmountMinor null when the service is free
 */
public record ServiceDefinition(UUID serviceId, int version, String agencyCode, String nameSw, String nameEn,
                                String formSchemaJson, Long feeAmountMinor, String feeCurrency,
                                int slaWorkingDays, boolean retired) {
}
