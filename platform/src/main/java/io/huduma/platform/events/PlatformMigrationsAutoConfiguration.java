package io.huduma.platform.events;

import java.util.Arrays;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Adds the platform's own migrations ({@code classpath:db/platform}: outbox_event,
 * processed_event, shedlock) to every service's Flyway locations. They are versioned
 * {@code V0_0_x} so they run before a service's {@code V1__...}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass({ Flyway.class, FlywayConfigurationCustomizer.class })
public final class PlatformMigrationsAutoConfiguration {

    static final String LOCATION = "classpath:db/platform";

    @Bean
    FlywayConfigurationCustomizer platformMigrationsLocation() {
        return configuration -> {
            String[] current = Arrays.stream(configuration.getLocations()).map(Location::getDescriptor)
                    .toArray(String[]::new);
            if (Arrays.stream(current).noneMatch(LOCATION::equals)) {
                configuration.locations(Stream.concat(Arrays.stream(current), Stream.of(LOCATION)).toArray(String[]::new));
            }
        };
    }
}
