package io.huduma.catalog.language;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.huduma.platform.language.Language;

/** A text in Swahili and English, both required. */
public record LocalizedText(@NotBlank @Size(max = 4000) String sw, @NotBlank @Size(max = 4000) String en) {

    /** The text in the given language, or the other one when that is blank. */
    public String in(Language lang) {
        String preferred = lang == Language.EN ? en : sw;
        return preferred == null || preferred.isBlank() ? (lang == Language.EN ? sw : en) : preferred;
    }
}
