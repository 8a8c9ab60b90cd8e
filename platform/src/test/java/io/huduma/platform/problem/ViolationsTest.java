package io.huduma.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViolationsTest {

    @Test
    void propertyPathsBecomeJsonPointers() {
        assertThat(Violations.pointer("name")).isEqualTo("/name");
        assertThat(Violations.pointer("name.sw")).isEqualTo("/name/sw");
        assertThat(Violations.pointer("fees[0].amount")).isEqualTo("/fees/0/amount");
        assertThat(Violations.pointer("form[phone]")).isEqualTo("/form/phone");
        assertThat(Violations.pointer("")).isEmpty();
    }

    @Test
    void pointerTokensAreEscaped() {
        assertThat(Violations.pointer("attributes[a/b].x")).isEqualTo("/attributes/a~1b/x");
        assertThat(Violations.pointer("attributes[a~b]")).isEqualTo("/attributes/a~0b");
    }
}
