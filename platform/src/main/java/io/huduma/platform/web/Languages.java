package io.huduma.platform.web;

import java.util.List;
import java.util.Locale;

/**
 * The languages the platform speaks, Swahili first: picks one from an {@code Accept-Language}
 * header, falling back to Swahili when the header is missing or names neither.
 */
public final class Languages {

    public static final Locale SWAHILI = Locale.forLanguageTag("sw");
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** In order of preference. */
    public static final List<Locale> SUPPORTED = List.of(SWAHILI, ENGLISH);

    private Languages() {
    }

    /** {@code "en-GB,en;q=0.8"} gives English; {@code null}, {@code "fr"} or garbage give Swahili. */
    public static Locale resolve(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return SWAHILI;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange range : ranges) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String language = range.getRange().split("-")[0];
                for (Locale supported : SUPPORTED) {
                    if (supported.getLanguage().equalsIgnoreCase(language)) {
                        return supported;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header is not worth an error of its own
        }
        return SWAHILI;
    }
}
