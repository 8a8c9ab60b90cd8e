package io.huduma.testkit;

import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared Keycloak issues the tokens the platform's security tests rely on. */
class KeycloakTokensIT {

    @Test
    void officerTokenCarriesRoleAgencyAudienceAndIssuer() {
        Map<String, Object> claims = Tokens.claims(Tokens.forUser(DemoUsers.OFFICER_BRELA));

        assertThat(realmRoles(claims)).contains("agency-officer").doesNotContain("agency-admin", "citizen");
        assertThat(claims.get("agency")).isEqualTo("brela");
        assertThat(audiences(claims)).contains("huduma-api");
        assertThat(claims.get("iss")).isEqualTo(Infra.issuer());
        assertThat(claims.get("preferred_username")).isEqualTo("officer.brela");
    }

    @Test
    void citizenTokenHasNoAgency() {
        Map<String, Object> claims = Tokens.claims(Tokens.forUser(DemoUsers.CITIZEN_AMINA));

        assertThat(realmRoles(claims)).containsExactly("citizen");
        assertThat(claims).doesNotContainKey("agency");
    }

    @Test
    void noAudienceClientTokensLackTheApiAudience() {
        Map<String, Object> claims = Tokens.claims(Tokens.forUser(DemoUsers.ADMIN_RITA, DemoUsers.NO_AUDIENCE_CLIENT));

        assertThat(audiences(claims)).doesNotContain("huduma-api");
        assertThat(realmRoles(claims)).contains("agency-admin");
        assertThat(claims.get("agency")).isEqualTo("rita");
    }

    @Test
    void serviceTokenCarriesInternalService() {
        Map<String, Object> claims = Tokens.claims(Tokens.serviceToken("service-catalog"));

        assertThat(realmRoles(claims)).contains("internal-service");
        assertThat(claims.get("azp")).isEqualTo("svc-service-catalog");
        assertThat(audiences(claims)).contains("huduma-api");
    }

    @Test
    void identityServiceAccountMayManageUsersAndAgencyClientsButNotTheRealm() {
        Map<String, Object> claims = Tokens.claims(Tokens.serviceToken("identity"));

        @SuppressWarnings("unchecked")
        Map<String, Map<String, List<String>>> resourceAccess =
                (Map<String, Map<String, List<String>>>) claims.get("resource_access");
        assertThat(resourceAccess.get("realm-management").get("roles"))
                // users for citizens and staff; clients for the agencies' client-credentials clients (identity README);
                // query-groups comes with view-users (a Keycloak composite)
                .containsExactlyInAnyOrder("manage-users", "view-users", "query-users", "query-groups", "manage-clients",
                        "view-clients", "query-clients")
                .doesNotContain("realm-admin", "manage-realm", "manage-authorization", "impersonation");
        assertThat(realmRoles(Tokens.claims(Tokens.serviceToken("gateway")))).containsExactly("internal-service");
    }

    @Test
    void shortLivedClientIssuesTwoSecondTokens() {
        Map<String, Object> claims = Tokens.claims(Tokens.forUser(DemoUsers.CITIZEN_JUMA, DemoUsers.SHORT_LIVED_CLIENT));

        long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
        assertThat(lifetime).isEqualTo(2);
    }

    @Test
    void elsewhereTokensHaveAnotherIssuer() {
        Map<String, Object> claims = Tokens.claims(Tokens.fromElsewhere());

        assertThat(claims.get("iss")).isEqualTo(Infra.keycloakUrl() + "/realms/elsewhere");
    }

    @Test
    void forgedTokensKeepTheClaimsButNotAValidSignature() {
        String real = Tokens.forUser(DemoUsers.ADMIN_BRELA);

        assertThat(Tokens.tamperSignature(real)).isNotEqualTo(real).startsWith(real.substring(0, real.lastIndexOf('.')));
        assertThat(Tokens.header(Tokens.algNone(real))).containsEntry("alg", "none");
        assertThat(Tokens.algNone(real)).endsWith(".");
        assertThat(Tokens.claims(Tokens.tamperClaims(real, Map.of("agency", "rita")))).containsEntry("agency", "rita");
        String selfSigned = Tokens.selfSigned(Tokens.claims(real));
        assertThat(Tokens.claims(selfSigned)).isEqualTo(Tokens.claims(real));
        assertThat(Tokens.header(selfSigned)).containsEntry("alg", "RS256").containsEntry("kid", "self-signed");
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> realmRoles(Map<String, Object> claims) {
        return ((Map<String, List<String>>) claims.get("realm_access")).get("roles");
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> audiences(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        if (aud == null) {
            return List.of();
        }
        return aud instanceof Collection<?> many ? (Collection<String>) many : List.of((String) aud);
    }
}
