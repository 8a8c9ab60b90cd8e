package io.huduma.identity.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import io.huduma.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class PendingCodeTest {

    private final OneTimeCodes codes = new OneTimeCodes(new CodeProperties("unit-test-pepper-123456", 6,
            Duration.ofMinutes(5), 5, Duration.ofSeconds(60), 5, 20, Duration.ofHours(1)));
    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void codesAreSixRandomDigitsStoredOnlyAsASaltedHash() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            IssuedCode issued = codes.issue();
            assertThat(issued.code()).matches("\\d{6}");
            assertThat(issued.hash().hash()).doesNotContain(issued.code()).hasSize(64);
            assertThat(issued.toString()).doesNotContain(issued.code());
            seen.add(issued.code());
        }
        assertThat(seen).hasSizeGreaterThan(190);
        IssuedCode a = codes.issue();
        IssuedCode b = new IssuedCode(a.code(), codes.issue().hash());
        assertThat(codes.matches(a.code(), a.hash())).isTrue();
        assertThat(a.hash().salt()).isNotEqualTo(b.hash().salt());
    }

    @Test
    void theRightCodeWithinFiveMinutesIsAccepted() {
        IssuedCode issued = codes.issue();
        PendingCode pending = new PendingCode(issued.hash(), now.plusSeconds(300), 0, CodeStatus.PENDING);

        PendingCode.Check check = pending.check(codes, issued.code(), now.plusSeconds(299), 5);

        assertThat(check.accepted()).isTrue();
        assertThat(check.after().status()).isEqualTo(CodeStatus.VERIFIED);
    }

    @Test
    void fiveWrongCodesLockAndThenEvenTheRightOneIsRefused() {
        IssuedCode issued = codes.issue();
        String wrong = issued.code().equals("000000") ? "111111" : "000000";
        PendingCode pending = new PendingCode(issued.hash(), now.plusSeconds(300), 0, CodeStatus.PENDING);
        for (int attempt = 1; attempt <= 5; attempt++) {
            PendingCode.Check check = pending.check(codes, wrong, now, 5);
            assertThat(check.accepted()).isFalse();
            assertThat(check.refusal().kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(check.refusal().errors()).extracting(DomainException.FieldError::field).containsExactly("/code");
            pending = check.after();
            assertThat(pending.failedAttempts()).isEqualTo(attempt);
        }
        assertThat(pending.status()).isEqualTo(CodeStatus.LOCKED);

        PendingCode.Check right = pending.check(codes, issued.code(), now, 5);
        assertThat(right.accepted()).isFalse();
        assertThat(right.refusal().kind()).isEqualTo(DomainException.Kind.CONFLICT);
    }

    @Test
    void anExpiredCodeIsRefusedWithoutCountingAnAttempt() {
        IssuedCode issued = codes.issue();
        PendingCode pending = new PendingCode(issued.hash(), now.plusSeconds(300), 2, CodeStatus.PENDING);

        PendingCode.Check check = pending.check(codes, issued.code(), now.plusSeconds(300), 5);

        assertThat(check.accepted()).isFalse();
        assertThat(check.refusal().kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
        assertThat(check.after()).isEqualTo(pending);
    }
}
