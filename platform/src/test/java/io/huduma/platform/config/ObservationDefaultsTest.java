package io.huduma.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spring Security's per-filter observations are off by default and can be turned back on; others stay on. */
class ObservationDefaultsTest {

    @Test
    void springSecurityObservationsAreOffAndOtherObservationsOn() {
        try (ConfigurableApplicationContext context = start()) {
            ObservationRegistry registry = context.getBean(ObservationRegistry.class);
            assertThat(Observation.start("spring.security.filterchains", registry).isNoop()).isTrue();
            assertThat(Observation.start("spring.security.authentications", registry).isNoop()).isTrue();
            assertThat(Observation.start("http.server.requests", registry).isNoop()).isFalse();
        }
    }

    @Test
    void aServiceOrAnOperatorCanTurnThemBackOn() {
        try (ConfigurableApplicationContext context = start("--" + ObservationDefaults.SPRING_SECURITY_OBSERVATIONS + "=true")) {
            ObservationRegistry registry = context.getBean(ObservationRegistry.class);
            assertThat(Observation.start("spring.security.filterchains", registry).isNoop()).isFalse();
        }
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        SpringApplication application = new SpringApplication(Observed.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] all = Stream.concat(Stream.of("--spring.main.banner-mode=off",
                "--spring.profiles.active=test"), Arrays.stream(arguments)).toArray(String[]::new);
        return application.run(all);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ObservationAutoConfiguration.class)
    static class Observed {

        /** Without a handler every observation is a no-op; tracing is one in the services. */
        @Bean
        ObservationHandler<Observation.Context> anyHandler() {
            return context -> true;
        }
    }
}
