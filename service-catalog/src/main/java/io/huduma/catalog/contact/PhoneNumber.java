package io.huduma.catalog.contact;

import java.util.List;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.huduma.platform.domain.DomainException;
import io.huduma.platform.domain.DomainException.FieldError;

/** A phone number in E.164 form; numbers without a country code are read as Tanzanian (+255). */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "TZ";

    /**
     * Parses what a person typed ("0754 123 456", "+255754123456"...).
     *
     * @param field where the number sits in the input (a JSON pointer such as {@code /contactPhone}), for the error
     * @throws DomainException invalid, naming {@code pointer} when it is not a valid number
     */
    public static PhoneNumber parse(String raw, String field) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(raw, DEFAULT_REGION);
            if (PHONES.isValidNumber(number)) {
                return new PhoneNumber(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
            }
        } catch (NumberParseException notANumber) {
            // reported below like any other invalid number
        }
        throw DomainException.invalid("Invalid phone number",
                List.of(new FieldError(field, "is not a valid phone number (e.g. +255 22 211 1111)")));
    }
}
