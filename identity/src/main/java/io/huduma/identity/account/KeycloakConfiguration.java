package io.huduma.identity.account;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeycloakProperties.class)
class KeycloakConfiguration {

    /** Keycloak's admin client, authenticated as {@code svc-identity} (client credentials, renewed by the client). */
    @Bean(destroyMethod = "close")
    Keycloak keycloakAdmin(KeycloakProperties properties) {
        if (properties.clientSecret() == null || properties.clientSecret().isBlank()) {
            throw new IllegalStateException("huduma.identity.keycloak.client-secret must be set");
        }
        return KeycloakBuilder.builder()
                .serverUrl(properties.url())
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .build();
    }
}
