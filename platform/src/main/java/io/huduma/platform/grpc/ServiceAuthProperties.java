package io.huduma.platform.grpc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * The service's own Keycloak client, used for the client-credentials token on its outgoing gRPC
 * calls ({@code huduma.service-auth.*}). Unset values default to the local stack:
 * {@code svc-${spring.application.name}}, secret {@code dev-secret-${spring.application.name}},
 * token endpoint of realm {@code huduma} at {@code huduma.keycloak.url}.
 *
 * @param enabled whether outgoing calls carry a service token
 * @param clientId Keycloak client id
 * @param clientSecret its secret (from the environment outside the local stack)
 * @param tokenUri the realm's token endpoint
 * @param timeout connect and read timeout towards Keycloak
 */
@ConfigurationProperties("huduma.service-auth")
public record ServiceAuthProperties(
        @DefaultValue("true") boolean enabled,
        String clientId,
        String clientSecret,
        String tokenUri,
        @DefaultValue("5s") Duration timeout) {

    static final String DEFAULT_KEYCLOAK_URL = "http://localhost:8180";

    /** Fills unset values from the application name and {@code huduma.keycloak.url}. */
    ServiceAuthProperties withDefaults(Environment environment) {
        String module = environment.getProperty("spring.application.name", "application");
        String keycloak = environment.getProperty("huduma.keycloak.url", DEFAULT_KEYCLOAK_URL).replaceAll("/+$", "");
        return new ServiceAuthProperties(enabled,
                blank(clientId) ? "svc-" + module : clientId,
                blank(clientSecret) ? "dev-secret-" + module : clientSecret,
                blank(tokenUri) ? keycloak + "/realms/huduma/protocol/openid-connect/token" : tokenUri,
                timeout);
    }

    @Override
    public String toString() {
        // keep the secret out of logs and actuator output
        return "ServiceAuthProperties[enabled=" + enabled + ", clientId=" + clientId + ", tokenUri=" + tokenUri + "]";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
