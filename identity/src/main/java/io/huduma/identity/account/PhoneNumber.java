package io.huduma.identity.account;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import io.huduma.platform.domain.DomainException;

/** A mobile phone number in E.164 form; numbers without a country code are read as Tanzanian (+255). */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "TZ";

    /**
     * Reads what a person typed ({@code 0712 345 678}, {@code 712345678}, {@code +255 712 345 678}).
     *
     * @param field where the number sits in the request body, for the refusal
     * @throws DomainException invalid at {@code field} when it is no valid mobile number
     */
    public static PhoneNumber parseMobile(String raw, String field) {
        if (raw != null && raw.length() <= 32) {
            try {
                Phonenumber.PhoneNumber number = PHONES.parse(raw, DEFAULT_REGION);
                PhoneNumberType type = PHONES.getNumberType(number);
                if (PHONES.isValidNumber(number)
                        && (type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE)) {
                    return new PhoneNumber(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
                }
            } catch (NumberParseException notANumber) {
                // refused below like any other invalid number
            }
        }
        throw DomainException.invalid(field, "is not a valid mobile phone number (e.g. 0712 345 678 or +255 712 345 678)");
    }

    @Override
    public String toString() {
        return e164;
    }
}
