package io.huduma.requests.request;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A tracking number a person can read out on the phone: {@code HD-7K3P-9QX2}, seven random
 * characters and a check character from an alphabet without look-alikes (no 0/O, 1/I/L). The
 * alphabet has 31 characters, a prime, so a weighted check mod 31 catches every single mistyped
 * character and every swap of two neighbouring characters before any lookup.
 */
public record TrackingNumber(String value) {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int BODY = 7;
    private static final String PREFIX = "HD";

    public TrackingNumber {
        String compact = value == null ? "" : compact(value);
        if (!valid(compact)) {
            throw new IllegalArgumentException("not a valid tracking number: " + value);
        }
        value = format(compact);
    }

    /** A new random tracking number. */
    public static TrackingNumber random(RandomGenerator random) {
        char[] body = new char[BODY + 1];
        for (int i = 0; i < BODY; i++) {
            body[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        body[BODY] = check(body);
        return new TrackingNumber(format(new String(body)));
    }

    /**
     * The tracking number in {@code text}, forgiving case, spaces and missing dashes or prefix
     * ({@code hd 7k3p 9qx2}, {@code 7K3P9QX2}); empty when it is not one (wrong length, a character
     * outside the alphabet, or a check character that does not match).
     */
    public static Optional<TrackingNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return valid(compact(text)) ? Optional.of(new TrackingNumber(text)) : Optional.empty();
    }

    private static boolean valid(String compact) {
        if (compact.length() != BODY + 1) {
            return false;
        }
        for (int i = 0; i < compact.length(); i++) {
            if (ALPHABET.indexOf(compact.charAt(i)) < 0) {
                return false;
            }
        }
        return check(compact.toCharArray()) == compact.charAt(BODY);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String compact(String text) {
        String upper = text.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        return upper.startsWith(PREFIX) && upper.length() == PREFIX.length() + BODY + 1
                ? upper.substring(PREFIX.length()) : upper;
    }

    private static String format(String compact) {
        return PREFIX + "-" + compact.substring(0, 4) + "-" + compact.substring(4);
    }

    /** Weighted sum of the first {@value #BODY} characters (weights 1..7), mod 31. */
    private static char check(char[] chars) {
        int sum = 0;
        for (int i = 0; i < BODY; i++) {
            sum += (i + 1) * ALPHABET.indexOf(chars[i]);
        }
        return ALPHABET.charAt(sum % ALPHABET.length());
    }
}
