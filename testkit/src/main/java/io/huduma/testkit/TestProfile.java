package io.huduma.testkit;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Every Spring application a test starts runs in profile {@code test} unless the test names its
 * profiles itself ({@code @ActiveProfiles}, {@code spring.profiles.active},
 * {@code SpringApplicationBuilder.profiles(..)}): the one place where tests declare that they run on the
 * shared test infrastructure's dev credentials, which the platform refuses outside the dev profiles
 * ({@code io.huduma.platform.config.RequiredSecrets}). The testkit is a test dependency only, so no
 * service ever runs with this in production.
 */
public final class TestProfile implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "test";

    @Override
    public int getOrder() {
        // before the configuration files are read, so application-test.* would apply like any profile's
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean named = environment.getActiveProfiles().length > 0
                || environment.containsProperty("spring.profiles.active")
                || !application.getAdditionalProfiles().isEmpty();
        if (!named) {
            environment.addActiveProfile(PROFILE);
        }
    }
}
