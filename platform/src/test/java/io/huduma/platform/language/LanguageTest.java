package io.huduma.platform.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void swahiliFirst() {
        assertThat(Language.fromAcceptLanguage(null)).isEqualTo(Language.SW);
        assertThat(Language.fromAcceptLanguage("")).isEqualTo(Language.SW);
        assertThat(Language.fromAcceptLanguage("sw-TZ")).isEqualTo(Language.SW);
        assertThat(Language.fromAcceptLanguage("fr-FR, de")).isEqualTo(Language.SW);
        assertThat(Language.fromAcceptLanguage(";;garbage==")).isEqualTo(Language.SW);
    }

    @Test
    void englishWhenPreferred() {
        assertThat(Language.fromAcceptLanguage("en")).isEqualTo(Language.EN);
        assertThat(Language.fromAcceptLanguage("en-GB,en;q=0.8")).isEqualTo(Language.EN);
        assertThat(Language.fromAcceptLanguage("fr, en;q=0.5, sw;q=0.2")).isEqualTo(Language.EN);
        assertThat(Language.fromAcceptLanguage("sw;q=0.2, en;q=0.9")).isEqualTo(Language.EN);
        assertThat(Language.fromAcceptLanguage("en;q=0, sw")).isEqualTo(Language.SW);
    }

    @Test
    void anExplicitChoiceWinsThenAcceptLanguageThenSwahili() {
        assertThat(Language.resolve("en", "sw")).isEqualTo(Language.EN);
        assertThat(Language.resolve("EN-gb", null)).isEqualTo(Language.EN);
        assertThat(Language.resolve(null, "fr, en;q=0.5")).isEqualTo(Language.EN);
        assertThat(Language.resolve("de", "en")).as("an unsupported choice is ignored").isEqualTo(Language.EN);
        assertThat(Language.resolve(null, null)).isEqualTo(Language.SW);
        assertThat(Language.resolve(null, "fr")).isEqualTo(Language.SW);
        assertThat(Language.resolve(null, ";;;garbage")).isEqualTo(Language.SW);
    }

    @Test
    void aLocaleAndAPickOfTwoTexts() {
        assertThat(Language.of(java.util.Locale.ENGLISH)).isEqualTo(Language.EN);
        assertThat(Language.of(java.util.Locale.forLanguageTag("en-GB"))).isEqualTo(Language.EN);
        assertThat(Language.of(java.util.Locale.FRENCH)).isEqualTo(Language.SW);
        assertThat(Language.of(null)).isEqualTo(Language.SW);
        assertThat(Language.EN.pick("Habari", "Hello")).isEqualTo("Hello");
        assertThat(Language.SW.pick("Habari", "Hello")).isEqualTo("Habari");
    }
}
