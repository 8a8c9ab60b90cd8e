package io.huduma.ussd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.huduma.testkit.Eureka;
import io.huduma.testkit.HudumaTestProperties;
import io.huduma.testkit.StartupChecks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: one Spring context on the build's real PostgreSQL, Keycloak (the
 * service token of svc-ussd-service) and Eureka, with loopback stand-ins for the catalogue, identity and
 * requests-service rpcs. It also proves the start-up contract (health, metrics, OpenAPI, Eureka, migrations);
 * ussd-service has no gRPC server of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class UssdIT {

    static final String KEY = "it-aggregator-key-0123";
    static final StandIns STAND_INS = new StandIns();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        HudumaTestProperties.database(registry, "ussd-service");
        HudumaTestProperties.keycloak(registry);
        HudumaTestProperties.eureka(registry);
        registry.add("huduma.ussd.aggregator.key", () -> KEY);
        for (String channel : new String[] {"identity", "service-catalog", "requests-service"}) {
            registry.add("spring.grpc.client.channels." + channel + ".address", () -> "static://127.0.0.1:" + STAND_INS.port());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A valid mobile number no other test uses: +25571 and seven random digits. */
    static String aPhone() {
        return "+25571" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    /** A new session from {@code phone}, the way the aggregator plays it. */
    UssdSession dial(String phone) {
        return new UssdSession(port, KEY, phone);
    }

    long liveSessions(String sessionId) {
        return jdbc.sql("SELECT count(*) FROM ussd_session WHERE session_id = ?").param(sessionId).query(Long.class).single();
    }

    @Test
    void servesHealthMetricsAndOpenApi() {
        StartupChecks.assertOperationalEndpoints(port);
    }

    @Test
    void registersInEureka() {
        assertThat(Eureka.awaitInstance("ussd-service", port, Duration.ofSeconds(30)).metadata()).isNotNull();
    }

    @Test
    void flywayMigratedItsOwnDatabase() {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql("select current_database()").query(String.class).single()).startsWith("ussd_service_");
    }
}
