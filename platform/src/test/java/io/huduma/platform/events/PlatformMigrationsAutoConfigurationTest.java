package io.huduma.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

class PlatformMigrationsAutoConfigurationTest {

    private final FlywayConfigurationCustomizer customizer =
            new PlatformMigrationsAutoConfiguration().platformMigrationsLocation();

    @Test
    void addsThePlatformMigrationsBesideTheServicesOwn() {
        FluentConfiguration configuration = new FluentConfiguration().locations("classpath:db/migration");

        customizer.customize(configuration);
        customizer.customize(configuration);

        assertThat(Arrays.stream(configuration.getLocations()).map(Location::getDescriptor))
                .containsExactly("classpath:db/migration", "classpath:db/platform");
    }

    @Test
    void platformMigrationsAreOnTheClasspathAndSortBeforeAServicesFirstVersion() {
        assertThat(getClass().getResource("/db/platform/V0_0_1__outbox_event.sql")).isNotNull();
        assertThat(getClass().getResource("/db/platform/V0_0_2__processed_event.sql")).isNotNull();
        assertThat(getClass().getResource("/db/platform/V0_0_3__shedlock.sql")).isNotNull();
        assertThat(org.flywaydb.core.api.MigrationVersion.fromVersion("0.0.3"))
                .isLessThan(org.flywaydb.core.api.MigrationVersion.fromVersion("1"));
    }
}
