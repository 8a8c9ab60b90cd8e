package io.huduma.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.platform.events.testapp.EventsTestApplication;
import io.huduma.testkit.Infra;

/**
 * Kafka down must never fail the business transaction, and nothing committed meanwhile is lost:
 * one instance of the service runs against a dead broker address, a second one (same database,
 * real broker) later publishes what the first committed.
 */
class OutboxWithoutKafkaIT {

    @Test
    void aTransactionCommitsWhileKafkaIsUnreachableAndItsEventIsPublishedOnceKafkaIsBack() throws Exception {
        String topic = KafkaTestTopics.create("platform.outbox-down-it");
        Map<String, Object> service = new HashMap<>();
        service.put("spring.datasource.url", Infra.freshDatabase("platform_outbox_down"));
        service.put("spring.datasource.username", Infra.postgresUser());
        service.put("spring.datasource.password", Infra.postgresPassword());
        service.put("spring.application.name", "platform-outbox-down-it");
        service.put("eureka.client.enabled", "false");
        service.put("huduma.keycloak.url", Infra.keycloakUrl());
        service.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", Infra.issuer());
        service.put("huduma.outbox.poll-interval", "100ms");
        service.put("huduma.outbox.max-attempts", "2");
        service.put("huduma.outbox.health.max-oldest-age", "1s");

        EventEnvelope written;
        try (ConfigurableApplicationContext kafkaDown = start(service, "127.0.0.1:" + deadPort())) {
            TransactionTemplate transaction = kafkaDown.getBean(TransactionTemplate.class);
            OutboxWriter outbox = kafkaDown.getBean(OutboxWriter.class);

            long started = System.nanoTime();
            written = transaction.execute(status -> outbox.append(topic, "request-down", "rita",
                    OutboxIT.submitted("request-down", 1)));
            // a commit that waited for the broker would take at least the producer's max.block.ms (10 s)
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));

            Thread.sleep(1_500); // several relay polls, all failing
            assertThat(published(kafkaDown.getBean(JdbcTemplate.class), written)).isFalse();

            // the health indicator says events are not flowing, and why; nothing is counted against the row
            OutboxHealthIndicator health = kafkaDown.getBean(OutboxHealthIndicator.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Health state = health.health();
                assertThat(state.getStatus()).isEqualTo(Status.DOWN);
                assertThat(state.getDetails()).containsKey("brokerUnreachableSince").containsEntry("backlog", 1L);
            });
            assertThat(kafkaDown.getBean(JdbcTemplate.class).queryForMap(
                    "SELECT attempts, parked_at FROM outbox_event WHERE event_id = ?::uuid", written.getId()))
                    .as("a broker outage is no fault of the row").containsEntry("attempts", 0).containsEntry("parked_at", null);
        }

        try (ConfigurableApplicationContext kafkaUp = start(service, Infra.kafkaBootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> records = KafkaTestTopics.read(topic, r -> !r.isEmpty(),
                    Duration.ofSeconds(60), Duration.ofSeconds(2));
            assertThat(records).hasSize(1);
            assertThat(EventEnvelope.parseFrom(records.get(0).value())).isEqualTo(written);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> published(kafkaUp.getBean(JdbcTemplate.class), written));
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> service, String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>(service);
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        return new SpringApplicationBuilder(EventsTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
    }

    private static boolean published(JdbcTemplate jdbc, EventEnvelope envelope) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT published_at IS NOT NULL FROM outbox_event WHERE event_id = ?::uuid", Boolean.class,
                envelope.getId()));
    }

    /** A loopback port nobody listens on. */
    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
