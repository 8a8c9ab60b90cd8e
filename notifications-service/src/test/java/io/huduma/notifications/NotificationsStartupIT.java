package io.huduma.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.huduma.testkit.Eureka;
import io.huduma.testkit.HudumaTestProperties;
import io.huduma.testkit.StartupChecks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** notifications-service starts on the real infrastructure, registers in Eureka and answers gRPC health through it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationsStartupIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        HudumaTestProperties.all(registry, "notifications-service");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void servesHealthMetricsAndOpenApi() {
        StartupChecks.assertOperationalEndpoints(port);
    }

    @Test
    void registersItsHttpAndGrpcPortsInEureka() {
        Eureka.Instance instance = Eureka.awaitInstance("notifications-service", port, Duration.ofSeconds(30));

        assertThat(instance.metadata()).containsKey("grpc.port");
        assertThat(Integer.parseInt(instance.metadata().get("grpc.port"))).isPositive().isNotEqualTo(port);
    }

    @Test
    void answersGrpcHealthOverAChannelResolvedThroughEureka() {
        Eureka.awaitInstance("notifications-service", port, Duration.ofSeconds(30));

        StartupChecks.assertGrpcServing("discovery:///notifications-service");
    }

    @Test
    void flywayMigratedItsOwnDatabase() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where success", Integer.class);
        String database = jdbc.queryForObject("select current_database()", String.class);

        assertThat(applied).isPositive();
        assertThat(database).startsWith("notifications_service_");
    }
}
