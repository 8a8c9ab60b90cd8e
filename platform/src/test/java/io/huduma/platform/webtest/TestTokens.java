package io.huduma.platform.webtest;

import java.util.List;
import java.util.Map;

import io.huduma.platform.security.KeycloakJwt;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** Slice-test authentications shaped like Keycloak's tokens (the real ones are used in the ITs). */
final class TestTokens {

    private TestTokens() {
    }

    static JwtRequestPostProcessor token(String subject, String agency, String... roles) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(jwt -> {
                    jwt.subject(subject).claim("realm_access", Map.of("roles", List.of(roles)));
                    if (agency != null) {
                        jwt.claim("agency", agency);
                    }
                })
                .authorities(KeycloakJwt::authorities);
    }

    static JwtRequestPostProcessor citizen() {
        return token("citizen-1", null, "citizen");
    }
}
