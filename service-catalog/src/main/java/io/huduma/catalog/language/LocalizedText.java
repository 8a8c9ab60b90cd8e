package io.huduma.catalog.language;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A text in Swahili and English, both required. */
public record LocalizedText(@NotBlank @Size(max = 4000) String sw, @NotBlank @Size(max = 4000) String en) {

    /** The text in the given language, or the other one when that is blank. */
    public String in(Lang lang) {
        String preferred = lang == Lang.EN ? en : sw;
        return preferred == null || preferred.isBlank() ? (lang == Lang.EN ? sw : en) : preferred;
    }

    public io.huduma.contracts.common.v1.LocalizedText toProto() {
        return io.huduma.contracts.common.v1.LocalizedText.newBuilder().setSw(sw).setEn(en).build();
    }
}
