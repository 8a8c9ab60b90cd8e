package io.huduma.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every Huduma service with a database and a gRPC server proves once started on the real
 * infrastructure: health, metrics and OpenAPI served; HTTP and gRPC ports registered in Eureka;
 * gRPC health answered over a channel resolved through Eureka; its own database migrated.
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = RANDOM_PORT)
 * class IdentityStartupIT extends ServiceStartupContract {
 *     @DynamicPropertySource
 *     static void infrastructure(DynamicPropertyRegistry r) { HudumaTestProperties.all(r, "identity"); }
 *     IdentityStartupIT() { super("identity"); }
 * }
 * }</pre>
 */
public abstract class ServiceStartupContract {

    private final String module;

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    protected ServiceStartupContract(String module) {
        this.module = module;
    }

    @Test
    void servesHealthMetricsAndOpenApi() {
        StartupChecks.assertOperationalEndpoints(port);
    }

    @Test
    void registersItsHttpAndGrpcPortsInEureka() {
        Eureka.Instance instance = Eureka.awaitInstance(module, port, Duration.ofSeconds(30));

        assertThat(instance.metadata()).containsKey("grpc.port");
        assertThat(Integer.parseInt(instance.metadata().get("grpc.port"))).isPositive().isNotEqualTo(port);
    }

    @Test
    void answersGrpcHealthOverAChannelResolvedThroughEureka() {
        Eureka.awaitInstance(module, port, Duration.ofSeconds(30));

        StartupChecks.assertGrpcServing("discovery:///" + module);
    }

    @Test
    void flywayMigratedItsOwnDatabase() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where success", Integer.class);
        String database = jdbc.queryForObject("select current_database()", String.class);

        assertThat(applied).isPositive();
        assertThat(database).startsWith(module.replace('-', '_') + "_");
    }
}
