package io.huduma.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class ServiceTokenAuthenticationConverterTest {

    private final ServiceTokenAuthenticationConverter converter = new ServiceTokenAuthenticationConverter();

    @Test
    void namesTheCallerAfterItsClientAndMapsRealmRoles() {
        Jwt jwt = jwt(Map.of("azp", "svc-requests-service",
                "realm_access", Map.of("roles", List.of("internal-service", "default-roles-huduma"))));

        AbstractAuthenticationToken authentication = converter.convert(jwt);

        assertThat(authentication.getName()).isEqualTo("svc-requests-service");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_internal-service", "ROLE_default-roles-huduma");
    }

    @Test
    void aTokenWithoutRealmRolesHasNone() {
        AbstractAuthenticationToken authentication = converter.convert(jwt(Map.of()));

        assertThat(authentication.getName()).isEqualTo("subject-1");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .noneMatch(a -> a.startsWith("ROLE_"));
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("subject-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
