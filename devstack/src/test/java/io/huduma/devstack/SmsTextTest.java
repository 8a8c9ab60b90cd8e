package io.huduma.devstack;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SmsTextTest {

    @Test
    void gsmDefaultAlphabetHasOneCharacterPerSeptet() {
        assertThat(SmsText.GSM_BASIC).hasSize(128);
    }

    @Test
    void decodesGsmWithItsExtensionTable() {
        byte[] septets = {0x00, 0x02, 0x11, 0x20, 0x1B, 0x65, 0x1B, 0x28, 0x41, 0x1B, 0x29};

        assertThat(SmsText.decode(septets, 0x00)).isEqualTo("@$_ €{A}");
    }

    @Test
    void decodesTheOtherCodings() {
        assertThat(SmsText.decode("Habari".getBytes(StandardCharsets.US_ASCII), 0x01)).isEqualTo("Habari");
        assertThat(SmsText.decode("Dar es Salaam – ✓".getBytes(StandardCharsets.UTF_16BE), 0x08))
                .isEqualTo("Dar es Salaam – ✓");
        assertThat(SmsText.decode("é".getBytes(StandardCharsets.ISO_8859_1), 0x03)).isEqualTo("é");
        assertThat(SmsText.decode(new byte[] {0x0A, (byte) 0xFF}, 0x04)).isEqualTo("0aff");
    }
}
