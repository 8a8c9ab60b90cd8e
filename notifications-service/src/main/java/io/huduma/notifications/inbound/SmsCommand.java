package io.huduma.notifications.inbound;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.huduma.platform.language.Language;

/**
 * What a text written to the platform asks for. The keyword picks the language of the answer: {@code HALI}
 * and {@code MSAADA} Swahili, {@code STATUS} and {@code HELP} English; anything else gets the (Swahili)
 * help text, which also names the English keyword. Case, extra spaces and a separator after the keyword
 * ({@code hali:hd-7k3p-9qx2}) are forgiven.
 *
 * @param keyword        the keyword as understood
 * @param language       the language of the answer
 * @param trackingNumber what a status keyword asks about (letters, digits, dashes and spaces only,
 *                       upper case, at most {@value #MAX_TRACKING} characters); empty otherwise
 */
record SmsCommand(Keyword keyword, Language language, String trackingNumber) {

    static final int MAX_TRACKING = 24;

    /** The keywords, in both languages. */
    enum Keyword {
        HALI, STATUS, MSAADA, HELP, OTHER
    }

    private static final Pattern SHAPE = Pattern.compile("([A-Z]+)[\\s:.,;#*_-]*(.*)", Pattern.DOTALL);

    static SmsCommand parse(String text) {
        String normal = text == null ? "" : text.replace('\u00A0', ' ').strip().replaceAll("\\s+", " ")
                .toUpperCase(Locale.ROOT);
        Matcher matcher = SHAPE.matcher(normal);
        if (!matcher.matches()) {
            return new SmsCommand(Keyword.OTHER, Language.SW, "");
        }
        Keyword keyword = switch (matcher.group(1)) {
            case "HALI" -> Keyword.HALI;
            case "STATUS" -> Keyword.STATUS;
            case "MSAADA" -> Keyword.MSAADA;
            case "HELP" -> Keyword.HELP;
            default -> Keyword.OTHER;
        };
        Language language = keyword == Keyword.STATUS || keyword == Keyword.HELP ? Language.EN : Language.SW;
        String asked = "";
        if (keyword == Keyword.HALI || keyword == Keyword.STATUS) {
            asked = matcher.group(2).replaceAll("[^A-Z0-9 -]", "").strip();
            asked = asked.length() > MAX_TRACKING ? asked.substring(0, MAX_TRACKING).strip() : asked;
        }
        return new SmsCommand(keyword, language, asked);
    }

    /** A status keyword with something to look up. */
    boolean asksForStatus() {
        return (keyword == Keyword.HALI || keyword == Keyword.STATUS) && !trackingNumber.isEmpty();
    }
}
