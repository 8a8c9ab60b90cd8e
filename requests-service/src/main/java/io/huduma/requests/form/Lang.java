package io.huduma.requests.form;

import java.util.Locale;

/** The language of texts this service writes for people: Swahili first, English as the other. */
public enum Lang {
    SW, EN;

    /** English only when the locale asks for it; Swahili otherwise. */
    public static Lang of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : SW;
    }

    public String pick(String sw, String en) {
        return this == EN ? en : sw;
    }
}
