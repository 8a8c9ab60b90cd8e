package io.huduma.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenValidatorsTest {

    private static final String ISSUER = "http://localhost:8180/realms/huduma";
    private final OAuth2TokenValidator<Jwt> validator =
            TokenValidators.of(ISSUER, new HudumaSecurityProperties("huduma-api", Duration.ofSeconds(5), null));

    private static Jwt.Builder token() {
        Instant now = Instant.now();
        return Jwt.withTokenValue("t").header("alg", "RS256").header("typ", "JWT")
                .issuer(ISSUER).audience(List.of("huduma-api", "account")).subject("u-1")
                .issuedAt(now.minusSeconds(10)).expiresAt(now.plusSeconds(60)).claim("typ", "Bearer");
    }

    @Test
    void aGoodTokenPasses() {
        assertThat(validator.validate(token().build()).hasErrors()).isFalse();
    }

    @Test
    void anotherAudienceFails() {
        assertThat(validator.validate(token().audience(List.of("account")).build()).hasErrors()).isTrue();
    }

    @Test
    void anotherIssuerFails() {
        assertThat(validator.validate(token().issuer("http://localhost:8180/realms/elsewhere").build()).hasErrors())
                .isTrue();
    }

    @Test
    void expiryHonoursTheConfiguredSkewOnly() {
        Instant now = Instant.now();
        assertThat(validator.validate(token().issuedAt(now.minusSeconds(60)).expiresAt(now.minusSeconds(3)).build())
                .hasErrors()).as("within 5 s of skew").isFalse();
        assertThat(validator.validate(token().issuedAt(now.minusSeconds(60)).expiresAt(now.minusSeconds(8)).build())
                .hasErrors()).as("beyond 5 s of skew").isTrue();
    }

    @Test
    void anIdTokenIsNotAnAccessToken() {
        assertThat(validator.validate(token().claim("typ", "ID").build()).hasErrors()).isTrue();
    }
}
