package io.huduma.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import io.huduma.platform.events.testapp.EventsTestApplication;

/** Outside the dev profiles a service refuses to start on missing or dev secrets, naming each variable. */
class RequiredSecretsTest {

    @Test
    void aServiceStartedInProductionWithoutItsSecretsRefusesToStartNamingEachVariable() {
        // the base configuration of every service: dev values as fallbacks of the environment variables
        SpringApplicationBuilder service = new SpringApplicationBuilder(EventsTestApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("production")
                .properties("spring.application.name=requests-service",
                        "spring.datasource.url=jdbc:postgresql://localhost:5433/requests",
                        "spring.datasource.username=${DB_USER:postgres}",
                        "spring.datasource.password=${DB_PASSWORD:postgres}");

        assertThatThrownBy(service::run)
                .hasMessageContaining("Refusing to start without secrets from the environment")
                .hasMessageContaining("HUDUMA_SERVICEAUTH_CLIENTSECRET")
                .hasMessageContaining("svc-requests-service")
                .hasMessageContaining("DB_USER")
                .hasMessageContaining("DB_PASSWORD")
                .hasMessageContaining("EUREKA_PASSWORD")
                .hasMessageContaining("[production]");
    }

    @Test
    void withEverySecretFromTheEnvironmentNothingIsMissing() {
        MockEnvironment production = production()
                .withProperty("huduma.service-auth.client-secret", "s3cr3t-from-a-kubernetes-secret")
                .withProperty("spring.datasource.username", "requests")
                .withProperty("spring.datasource.password", "db-password-from-a-secret")
                .withProperty("EUREKA_PASSWORD", "registry-password");

        assertThat(RequiredSecrets.missing(production, true)).isEmpty();
    }

    @Test
    void devValuesCountAsMissingOutsideTheDevProfiles() {
        MockEnvironment production = production()
                .withProperty("huduma.service-auth.client-secret", "dev-secret-requests-service")
                .withProperty("spring.datasource.username", "postgres")
                .withProperty("spring.datasource.password", "postgres")
                .withProperty("EUREKA_PASSWORD", "registry-password");

        assertThat(RequiredSecrets.missing(production, true)).hasSize(3)
                .anySatisfy(m -> assertThat(m).startsWith("HUDUMA_SERVICEAUTH_CLIENTSECRET").contains("dev secret"))
                .anySatisfy(m -> assertThat(m).startsWith("DB_USER"))
                .anySatisfy(m -> assertThat(m).startsWith("DB_PASSWORD"));
    }

    @Test
    void theDevProfilesRunOnTheLocalStacksDevValues() {
        for (String profile : RequiredSecrets.DEV_PROFILES) {
            MockEnvironment dev = new MockEnvironment()
                    .withProperty("spring.datasource.url", "jdbc:postgresql://localhost:5433/requests");
            dev.setActiveProfiles(profile);
            assertThat(RequiredSecrets.missing(dev, true)).as(profile).isEmpty();
        }
    }

    @Test
    void onlyWhatTheServiceUsesIsRequired() {
        // no database, service auth switched off, Eureka not registering (e.g. Kubernetes DNS)
        MockEnvironment gatewayLike = new MockEnvironment()
                .withProperty("huduma.service-auth.enabled", "false")
                .withProperty("eureka.client.enabled", "false");
        gatewayLike.setActiveProfiles("production");
        assertThat(RequiredSecrets.missing(gatewayLike, true)).isEmpty();

        MockEnvironment withoutEurekaClient = production()
                .withProperty("huduma.service-auth.client-secret", "s3cr3t")
                .withProperty("spring.datasource.username", "requests")
                .withProperty("spring.datasource.password", "pw");
        assertThat(RequiredSecrets.missing(withoutEurekaClient, false)).isEmpty();
    }

    @Test
    void noProfileAtAllIsNoDevProfile() {
        MockEnvironment none = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/x");
        assertThat(RequiredSecrets.missing(none, false)).hasSize(3);
    }

    private static MockEnvironment production() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "requests-service")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/requests");
        environment.setActiveProfiles("production");
        return environment;
    }
}
