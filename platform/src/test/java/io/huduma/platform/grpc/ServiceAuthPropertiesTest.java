package io.huduma.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ServiceAuthPropertiesTest {

    @Test
    void defaultsToTheModulesOwnKeycloakClientOfTheLocalStack() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "service-catalog")
                .withProperty("huduma.keycloak.url", "http://localhost:18180/");

        ServiceAuthProperties properties = new ServiceAuthProperties(true, null, null, null, Duration.ofSeconds(5))
                .withDefaults(environment);

        assertThat(properties.clientId()).isEqualTo("svc-service-catalog");
        assertThat(properties.clientSecret()).isEqualTo("dev-secret-service-catalog");
        assertThat(properties.tokenUri())
                .isEqualTo("http://localhost:18180/realms/huduma/protocol/openid-connect/token");
        assertThat(properties.toString()).doesNotContain("dev-secret");
    }

    @Test
    void keepsWhatIsConfigured() {
        ServiceAuthProperties properties = new ServiceAuthProperties(true, "svc-x", "s3cret", "https://kc/token",
                Duration.ofSeconds(5)).withDefaults(new MockEnvironment());

        assertThat(properties.clientId()).isEqualTo("svc-x");
        assertThat(properties.clientSecret()).isEqualTo("s3cret");
        assertThat(properties.tokenUri()).isEqualTo("https://kc/token");
    }
}
