package io.huduma.catalog.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.huduma.platform.language.Language;
import org.junit.jupiter.api.Test;

class LocalizedTextTest {

    @Test
    void aMissingTextFallsBackToTheOtherLanguage() {
        assertThat(new LocalizedText("Pasipoti", "Passport").in(Language.EN)).isEqualTo("Passport");
        assertThat(new LocalizedText("Pasipoti", " ").in(Language.EN)).isEqualTo("Pasipoti");
        assertThat(new LocalizedText(null, "Passport").in(Language.SW)).isEqualTo("Passport");
    }
}
