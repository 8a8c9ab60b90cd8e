package io.huduma.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void swahiliFirst() {
        assertThat(Languages.resolve(null)).isEqualTo(Languages.SWAHILI);
        assertThat(Languages.resolve("")).isEqualTo(Languages.SWAHILI);
        assertThat(Languages.resolve("sw-TZ")).isEqualTo(Languages.SWAHILI);
        assertThat(Languages.resolve("fr-FR, de")).isEqualTo(Languages.SWAHILI);
        assertThat(Languages.resolve(";;garbage==")).isEqualTo(Languages.SWAHILI);
    }

    @Test
    void englishWhenPreferred() {
        assertThat(Languages.resolve("en")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.resolve("en-GB,en;q=0.8")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.resolve("fr, en;q=0.5, sw;q=0.2")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.resolve("sw;q=0.2, en;q=0.9")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.resolve("en;q=0, sw")).isEqualTo(Languages.SWAHILI);
    }
}
