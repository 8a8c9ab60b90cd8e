package io.huduma.catalog.language;

import java.util.List;
import java.util.Locale;

import io.huduma.platform.web.Languages;

/** The platform's two languages; Swahili first, English the fallback. */
public enum Lang {
    SW("sw"), EN("en");

    private final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /**
     * The caller's language: an explicit {@code ?lang=} wins, then the first supported language in
     * {@code Accept-Language} (by quality), else Swahili.
     */
    public static Lang resolve(String langParameter, String acceptLanguage) {
        Lang explicit = fromTag(langParameter);
        if (explicit != null) {
            return explicit;
        }
        return Languages.resolve(acceptLanguage).equals(Languages.ENGLISH) ? EN : SW;
    }

    static Lang fromTag(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.trim().toLowerCase(Locale.ROOT);
        int dash = primary.indexOf('-');
        if (dash > 0) {
            primary = primary.substring(0, dash);
        }
        for (Lang lang : List.of(values())) {
            if (lang.tag.equals(primary)) {
                return lang;
            }
        }
        return null;
    }
}
