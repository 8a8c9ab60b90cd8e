package io.huduma.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The registry's password comes from the environment; only the dev profiles may run without one. */
class RegistryCredentialsTest {

    @Test
    void aConfiguredPasswordIsUsedInEveryProfile() {
        assertThat(RegistrySecurity.passwordFor("s3cret", "prod")).isEqualTo("s3cret");
        assertThat(RegistrySecurity.passwordFor("s3cret", "local")).isEqualTo("s3cret");
    }

    @Test
    void theDevProfilesFallBackToTheDevPassword() {
        for (String profile : RegistrySecurity.DEV_PROFILES) {
            assertThat(RegistrySecurity.passwordFor("", profile)).isEqualTo(RegistrySecurity.DEV_PASSWORD);
        }
    }

    @Test
    void withoutAPasswordAndOutsideTheDevProfilesTheRegistryDoesNotStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(DiscoveryApplication.class)
                .profiles("prod")
                .run("--server.port=0", "--spring.main.banner-mode=off", "--huduma.discovery.password="))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause().hasMessageContaining("EUREKA_PASSWORD");
        assertThatThrownBy(() -> RegistrySecurity.passwordFor(null))
                .hasMessageContaining("EUREKA_PASSWORD");
    }
}
