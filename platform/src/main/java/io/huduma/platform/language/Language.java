package io.huduma.platform.language;

import java.util.List;
import java.util.Locale;

/**
 * The languages the platform speaks, Swahili first and English the fallback: the one name for
 * the language idea in every service (a citizen's preference, a text's translation, the language
 * of a problem or an SMS).
 */
public enum Language {
    SW("sw"), EN("en");

    /** In order of preference. */
    public static final List<Language> SUPPORTED = List.of(SW, EN);

    private final String tag;
    private final Locale locale;

    Language(String tag) {
        this.tag = tag;
        this.locale = Locale.forLanguageTag(tag);
    }

    /** The BCP 47 tag, {@code sw} or {@code en}. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** The text of the two that is in this language: {@code language.pick("Habari", "Hello")}. */
    public <T> T pick(T swahili, T english) {
        return this == EN ? english : swahili;
    }

    /** The language of a resolved locale (e.g. Spring's request locale): English only when it says so. */
    public static Language of(java.util.Locale locale) {
        Language language = locale == null ? null : fromTag(locale.getLanguage());
        return language == null ? SW : language;
    }

    /** The supported locales, in order of preference. */
    public static List<Locale> locales() {
        return SUPPORTED.stream().map(Language::locale).toList();
    }

    /**
     * {@code "en-GB,en;q=0.8"} gives English; {@code null}, {@code "fr"} or garbage give Swahili.
     * Ranges are taken in order of quality; a range of quality 0 is never chosen.
     */
    public static Language fromAcceptLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return SW;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                Language language = fromTag(range.getRange());
                if (language != null) {
                    return language;
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header is not worth an error of its own
        }
        return SW;
    }

    /**
     * The caller's language: an explicit choice ({@code ?lang=}, a stored preference) wins, then
     * the first supported language in {@code Accept-Language}, else Swahili.
     */
    public static Language resolve(String explicitTag, String acceptLanguage) {
        Language explicit = fromTag(explicitTag);
        return explicit != null ? explicit : fromAcceptLanguage(acceptLanguage);
    }

    /** {@code "en"}, {@code "EN-gb"} give English; an unsupported or missing tag gives null. */
    public static Language fromTag(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.trim().toLowerCase(Locale.ROOT);
        int dash = primary.indexOf('-');
        if (dash > 0) {
            primary = primary.substring(0, dash);
        }
        for (Language language : SUPPORTED) {
            if (language.tag.equals(primary)) {
                return language;
            }
        }
        return null;
    }
}
