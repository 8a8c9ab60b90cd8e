package io.huduma.platform.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Lowest-precedence observation defaults for every service and the gateway. Spring Security observes
 * each filter of its chain, each authentication and each authorization (a dozen observations, and with
 * tracing a dozen spans, per request); measured under the intake and gateway benchmarks, that is a
 * tenth of a request's CPU for spans nobody reads. They are off unless a service or an operator sets
 * {@code management.observations.enable.spring.security=true}. The HTTP server and client observations,
 * which carry the W3C trace context (ADR 0007), stay on.
 */
final class ObservationDefaults implements EnvironmentPostProcessor {

    static final String SPRING_SECURITY_OBSERVATIONS = "management.observations.enable.spring.security";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DefaultPropertiesPropertySource.addOrMerge(Map.of(SPRING_SECURITY_OBSERVATIONS, "false"),
                environment.getPropertySources());
    }
}
