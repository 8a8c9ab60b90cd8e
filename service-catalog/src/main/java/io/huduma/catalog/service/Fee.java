package io.huduma.catalog.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** The fee of a service in minor units of Tanzanian shillings (TZS has no minor unit in use: 1 = 1 TZS). */
public record Fee(@NotNull @PositiveOrZero Long amountMinor,
                  @NotNull @Pattern(regexp = "TZS", message = "must be TZS") String currency) {
}
