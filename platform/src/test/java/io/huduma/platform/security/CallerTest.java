package io.huduma.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CallerTest {

    private static Jwt officer() {
        return Jwt.withTokenValue("t").header("alg", "RS256")
                .subject("0b1c-officer")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .claim("realm_access", Map.of("roles", List.of("agency-officer", "default-roles-huduma")))
                .claim("agency", "brela")
                .claim("scope", "openid profile")
                .build();
    }

    @Test
    void realmRolesBecomeRoleAuthoritiesBesideScopes() {
        assertThat(KeycloakJwt.authorities(officer())).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_agency-officer", "ROLE_default-roles-huduma", "SCOPE_openid", "SCOPE_profile");
    }

    @Test
    void theCallerCarriesSubjectRolesAndAgency() {
        Caller caller = Caller.of(new JwtAuthenticationToken(officer(), KeycloakJwt.authorities(officer())));

        assertThat(caller.subject()).isEqualTo("0b1c-officer");
        assertThat(caller.hasRole("agency-officer")).isTrue();
        assertThat(caller.hasRole("citizen")).isFalse();
        assertThat(caller.hasAnyRole("citizen", "agency-officer")).isTrue();
        assertThat(caller.agency()).isEqualTo("brela");
        assertThat(caller.belongsTo("brela")).isTrue();
        assertThat(caller.belongsTo("rita")).isFalse();
        assertThat(caller.isAnonymous()).isFalse();
    }

    @Test
    void aMultiValuedAgencyAttributeGivesItsFirstValue() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("s").claim("agency", List.of("rita")).build();
        assertThat(KeycloakJwt.agency(jwt)).isEqualTo("rita");
    }

    @Test
    void noAuthenticationIsTheAnonymousCaller() {
        assertThat(Caller.of((org.springframework.security.core.Authentication) null).isAnonymous()).isTrue();
        assertThat(Caller.of(new AnonymousAuthenticationToken("k", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))).isAnonymous()).isTrue();
        assertThat(Caller.anonymous().roles()).isEmpty();
        assertThat(Caller.anonymous().belongsTo(null)).isFalse();
    }
}
