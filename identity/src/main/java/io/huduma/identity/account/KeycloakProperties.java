package io.huduma.identity.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How identity reaches Keycloak's admin API: as its own service account ({@code svc-identity}),
 * whose realm-management roles are listed in {@code deploy/keycloak/huduma-realm.json}.
 *
 * @param url            Keycloak base URL
 * @param realm          the realm holding Huduma's accounts
 * @param clientId       identity's client
 * @param clientSecret   its secret (from the environment outside local/test)
 * @param passwordIterations PBKDF2 rounds of passwords held during sign-up
 */
@ConfigurationProperties("huduma.identity.keycloak")
public record KeycloakProperties(
        String url,
        @DefaultValue("huduma") String realm,
        @DefaultValue("svc-identity") String clientId,
        String clientSecret,
        @DefaultValue("600000") int passwordIterations) {
}
