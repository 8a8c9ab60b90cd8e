package io.huduma.requests.request;

import java.util.UUID;

/**
 * The service as it was when the citizen applied: later versions or a retirement never change it.
 *
 * @param feeAmountMinor null when free
 */
public record ServiceSnapshot(UUID serviceId, int version, String agencyCode, String nameSw, String nameEn,
                              Long feeAmountMinor, String feeCurrency, int slaWorkingDays) {
}
