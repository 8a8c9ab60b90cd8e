package io.huduma.portal.catalog;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/** A fee in minor units with its currency (TZS), shown as people write it: {@code TZS 20,000}. */
public record Money(long amountMinor, String currency) {

    static Money of(JsonNode fee) {
        if (fee == null || fee.isMissingNode() || fee.isNull() || !fee.has("amountMinor")) {
            return null;
        }
        return new Money(fee.path("amountMinor").asLong(), fee.path("currency").asString("TZS"));
    }

    public String display() {
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            // keep 2
        }
        BigDecimal amount = BigDecimal.valueOf(amountMinor, digits);
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? digits : 0);
        format.setMaximumFractionDigits(digits);
        return currency + " " + format.format(amount);
    }
}
