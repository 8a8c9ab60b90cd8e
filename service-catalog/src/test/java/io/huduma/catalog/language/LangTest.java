package io.huduma.catalog.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LangTest {

    @Test
    void theLangParameterWinsThenAcceptLanguageThenSwahili() {
        assertThat(Lang.resolve("en", "sw")).isEqualTo(Lang.EN);
        assertThat(Lang.resolve("EN-gb", null)).isEqualTo(Lang.EN);
        assertThat(Lang.resolve(null, "fr, en;q=0.5")).isEqualTo(Lang.EN);
        assertThat(Lang.resolve("de", "en")).as("an unsupported parameter is ignored").isEqualTo(Lang.EN);
        assertThat(Lang.resolve(null, null)).isEqualTo(Lang.SW);
        assertThat(Lang.resolve(null, "fr")).isEqualTo(Lang.SW);
        assertThat(Lang.resolve(null, ";;;garbage")).isEqualTo(Lang.SW);
    }

    @Test
    void aMissingTextFallsBackToTheOtherLanguage() {
        assertThat(new LocalizedText("Pasipoti", "Passport").in(Lang.EN)).isEqualTo("Passport");
        assertThat(new LocalizedText("Pasipoti", " ").in(Lang.EN)).isEqualTo("Pasipoti");
        assertThat(new LocalizedText(null, "Passport").in(Lang.SW)).isEqualTo("Passport");
    }
}
