package io.huduma.ussd.menu;

import io.huduma.platform.language.Language;

/** A text in Swahili and English, as the other services hand them over; English falls back to Swahili. */
public record Bilingual(String sw, String en) {

    public String in(Language language) {
        String text = language.pick(sw, en);
        return text == null || text.isBlank() ? (sw == null ? "" : sw) : text;
    }
}
