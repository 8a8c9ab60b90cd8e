package io.huduma.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

class CachingJwtDecoderTest {

    /** Stands in for the platform's decoder: accepts "good-*" tokens until {@code expiresAt}, refuses the rest. */
    private static final class Platform implements ReactiveJwtDecoder {
        final List<String> decoded = new ArrayList<>();
        Instant expiresAt = Instant.now().plusSeconds(300);

        @Override
        public Mono<Jwt> decode(String token) {
            decoded.add(token);
            if (!token.startsWith("good-") || Instant.now().isAfter(expiresAt)) {
                return Mono.error(new BadJwtException("refused"));
            }
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("amina")
                    .issuedAt(Instant.now()).expiresAt(expiresAt).build());
        }
    }

    private final Platform platform = new Platform();
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(platform, 100, Duration.ofMinutes(5), Duration.ZERO);

    @Test
    void anAcceptedTokenIsCheckedOnceAndServedFromMemoryAfterwards() {
        Jwt first = decoder.decode("good-1").block();
        Jwt second = decoder.decode("good-1").block();
        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("amina");
        assertThat(platform.decoded).containsExactly("good-1");
        decoder.decode("good-2").block();
        assertThat(platform.decoded).containsExactly("good-1", "good-2");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThat(platform.decoded).containsExactly("forged", "forged");
    }

    @Test
    void anExpiredTokenIsRefusedAsBeforeEvenWhenRemembered() throws InterruptedException {
        platform.expiresAt = Instant.now().plusMillis(300);
        assertThat(decoder.decode("good-short").block()).isNotNull();
        Thread.sleep(400);
        assertThatThrownBy(() -> decoder.decode("good-short").block()).isInstanceOf(BadJwtException.class);
        assertThat(platform.decoded).containsExactly("good-short", "good-short");
    }
}
