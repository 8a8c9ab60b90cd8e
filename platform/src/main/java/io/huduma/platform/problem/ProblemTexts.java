package io.huduma.platform.problem;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The platform's own problem titles and details, Swahili first with English as the fallback. */
final class ProblemTexts {

    private static final String BUNDLE = "io.huduma.platform.problem.problems";
    // never fall back to the JVM's default locale: the base bundle (English) is the fallback
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemTexts() {
    }

    /**
     * The text for {@code key} in {@code locale}, or null when the platform has none (or when it
     * needs an argument the caller did not give).
     */
    static String text(String key, Locale locale, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale, CONTROL).getString(key);
            if (args.length == 0) {
                return pattern.contains("{0}") ? null : pattern;
            }
            return new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
