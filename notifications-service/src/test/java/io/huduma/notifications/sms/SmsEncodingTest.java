package io.huduma.notifications.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SmsEncodingTest {

    @Test
    void swahiliAndEnglishTextIsGsm7() {
        assertThat(SmsEncoding.of("Ombi lako la Usajili limepokelewa. Namba: HDM-2026-000123.")).isEqualTo(SmsEncoding.GSM7);
        assertThat(SmsEncoding.of("Bei: £5 @ café {ok} [x] €")).isEqualTo(SmsEncoding.GSM7);
    }

    @Test
    void anythingOutsideTheGsmAlphabetNeedsUcs2() {
        assertThat(SmsEncoding.of("Imekubaliwa ✓")).isEqualTo(SmsEncoding.UCS2);
        assertThat(SmsEncoding.of("Asante 🙏")).isEqualTo(SmsEncoding.UCS2);
        assertThat(SmsEncoding.of("Ł")).isEqualTo(SmsEncoding.UCS2);
    }

    @Test
    void segmentsFollowTheSingleAndConcatenatedLimits() {
        assertThat(SmsEncoding.GSM7.segments("a".repeat(160))).isEqualTo(1);
        assertThat(SmsEncoding.GSM7.segments("a".repeat(161))).isEqualTo(2);
        assertThat(SmsEncoding.GSM7.segments("a".repeat(306))).isEqualTo(2);
        assertThat(SmsEncoding.GSM7.segments("a".repeat(307))).isEqualTo(3);
        // extension characters take two septets
        assertThat(SmsEncoding.GSM7.length("{}")).isEqualTo(4);
        assertThat(SmsEncoding.GSM7.segments("€".repeat(80))).isEqualTo(1);
        assertThat(SmsEncoding.GSM7.segments("€".repeat(81))).isEqualTo(2);
        assertThat(SmsEncoding.UCS2.segments("✓".repeat(70))).isEqualTo(1);
        assertThat(SmsEncoding.UCS2.segments("✓".repeat(71))).isEqualTo(2);
        assertThat(SmsEncoding.UCS2.segments("✓".repeat(134))).isEqualTo(2);
    }

    @Test
    void splitPartsFitASegmentEachAndJoinBackToTheText() {
        String text = "Habari {Amina}, ".repeat(30);
        var parts = SmsEncoding.GSM7.split(text);
        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts).allSatisfy(p -> assertThat(SmsEncoding.GSM7.length(p)).isLessThanOrEqualTo(153));
        assertThat(parts).hasSize(SmsEncoding.GSM7.segments(text));

        String emoji = "🙏".repeat(40);
        var ucs = SmsEncoding.UCS2.split(emoji);
        assertThat(String.join("", ucs)).isEqualTo(emoji);
        assertThat(ucs).allSatisfy(p -> assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse());
    }

    @Test
    void encodesGsmSeptetsUnpackedAndUcs2AsUtf16() {
        assertThat(SmsEncoding.GSM7.encode("A@{")).containsExactly(0x41, 0x00, 0x1B, 0x28);
        assertThat(SmsEncoding.UCS2.encode("✓")).isEqualTo("✓".getBytes(StandardCharsets.UTF_16BE));
    }
}
