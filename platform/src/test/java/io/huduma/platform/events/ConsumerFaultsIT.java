package io.huduma.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.platform.events.testapp.EventsTestApplication;
import io.huduma.testkit.HudumaTestProperties;
import io.huduma.testkit.Infra;

/**
 * Consumers under faults, on the real broker and database: a database outage is waited out with
 * back-off and nothing goes to the dead-letter topic; a record dead-lettered by a bug is replayed
 * from {@code <topic>.dlt} after the fix and handled exactly once.
 */
@SpringBootTest(classes = { EventsTestApplication.class, ConsumerFaultsIT.ProjectingListener.class },
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.application.name=platform-consumer-faults-it",
                "eureka.client.enabled=false",
                "huduma.kafka.retries=12",
                "huduma.kafka.retry-backoff=200ms",
                "huduma.kafka.retry-max-backoff=2s",
                "spring.datasource.hikari.connection-timeout=1000",
                "spring.datasource.hikari.validation-timeout=500" })
class ConsumerFaultsIT {

    static String OUTAGE_TOPIC;
    static String REPLAY_TOPIC;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        HudumaTestProperties.database(registry, "platform_consumer_faults");
        HudumaTestProperties.kafka(registry);
        HudumaTestProperties.keycloak(registry);
        OUTAGE_TOPIC = KafkaTestTopics.create("platform.consumer-outage-it");
        REPLAY_TOPIC = KafkaTestTopics.create("platform.consumer-replay-it");
        registry.add("it.topics", () -> OUTAGE_TOPIC + "," + REPLAY_TOPIC);
    }

    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void aDatabaseOutageIsWaitedOutWithBackOffAndNothingGoesToTheDeadLetterTopic() throws Exception {
        EventEnvelope event = envelope("outage-1");
        String database = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        int attemptsBefore = ProjectingListener.FAILED_ATTEMPTS.get();

        // a real outage of this test's database: every connection is cut and new ones are refused
        maintenance("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
        try {
            kafka.send(OUTAGE_TOPIC, event.getSubject(), event).get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ProjectingListener.FAILED_ATTEMPTS.get() - attemptsBefore >= 4);
        } finally {
            maintenance("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
        }

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> projected(event) == 1);
        assertThat(ProjectingListener.FAILED_ATTEMPTS.get() - attemptsBefore)
                .as("the listener failed several times while the database was away").isGreaterThanOrEqualTo(4);
        List<ConsumerRecord<String, byte[]>> deadLetters = KafkaTestTopics.read(OUTAGE_TOPIC + ".dlt", r -> true,
                Duration.ofSeconds(10), Duration.ofSeconds(3));
        assertThat(deadLetters).as("a transient failure never dead-letters a record").isEmpty();
    }

    @Test
    void aDeadLetteredRecordIsReplayedIntoItsTopicAndHandledOnceEvenWhenReplayedTwice() throws Exception {
        EventEnvelope event = envelope("refused-1");
        ProjectingListener.REFUSE.set(true); // a bug: the listener refuses the record as invalid
        kafka.send(REPLAY_TOPIC, event.getSubject(), event).get(10, TimeUnit.SECONDS);

        List<ConsumerRecord<String, byte[]>> deadLetters = KafkaTestTopics.read(REPLAY_TOPIC + ".dlt",
                r -> !r.isEmpty(), Duration.ofSeconds(30), Duration.ofMillis(500));
        assertThat(deadLetters).hasSize(1);
        assertThat(EventEnvelope.parseFrom(deadLetters.get(0).value())).isEqualTo(event);
        assertThat(projected(event)).isZero();

        ProjectingListener.REFUSE.set(false); // the fix is deployed
        Map<String, Object> client = Map.of("bootstrap.servers", Infra.kafkaBootstrapServers());
        DeadLetterReplay.Result result = DeadLetterReplay.replay(client, REPLAY_TOPIC, ".dlt", Duration.ofSeconds(30));
        assertThat(result.replayed()).containsExactly(Map.entry(REPLAY_TOPIC, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> projected(event) == 1);
        List<ConsumerRecord<String, byte[]>> onTopic = KafkaTestTopics.read(REPLAY_TOPIC, r -> r.size() >= 2,
                Duration.ofSeconds(30), Duration.ofMillis(500));
        assertThat(onTopic).hasSize(2);
        ConsumerRecord<String, byte[]> replayed = onTopic.get(1);
        assertThat(replayed.key()).isEqualTo("refused-1");
        assertThat(EventEnvelope.parseFrom(replayed.value())).isEqualTo(event);
        assertThat(replayed.headers().lastHeader(DeadLetterReplay.REPLAYED_FROM)).isNotNull();
        assertThat(replayed.headers().lastHeader("kafka_dlt-exception-fqcn")).isNull();

        // a second replay finds nothing new; the event stays handled once
        assertThat(DeadLetterReplay.replay(client, REPLAY_TOPIC + ".dlt", ".dlt", Duration.ofSeconds(30)).total())
                .isZero();
        Thread.sleep(1_000);
        assertThat(projected(event)).isEqualTo(1);
    }

    private int projected(EventEnvelope event) {
        return jdbc.queryForObject("SELECT count(*) FROM it_projection WHERE event_id = ?", Integer.class,
                event.getId());
    }

    private static void maintenance(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(Infra.postgresUrl(), Infra.postgresUser(), Infra.postgresPassword());
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static EventEnvelope envelope(String subject) {
        return EventEnvelopes.wrap("platform-consumer-faults-it", subject, "brela", OutboxIT.submitted(subject, 1));
    }

    /** A service's projection: idempotent (processed_event) and transactional; refuses on demand. */
    static class ProjectingListener {

        static final AtomicBoolean REFUSE = new AtomicBoolean();
        static final AtomicInteger FAILED_ATTEMPTS = new AtomicInteger();

        private final JdbcTemplate jdbc;
        private final TransactionTemplate transaction;
        private final ProcessedEvents processedEvents;

        ProjectingListener(JdbcTemplate jdbc, TransactionTemplate transaction, ProcessedEvents processedEvents) {
            this.jdbc = jdbc;
            this.transaction = transaction;
            this.processedEvents = processedEvents;
            jdbc.execute("CREATE TABLE IF NOT EXISTS it_projection (event_id TEXT NOT NULL, subject TEXT NOT NULL)");
        }

        @KafkaListener(topics = "#{'${it.topics}'.split(',')}")
        void on(ConsumerRecord<String, EventEnvelope> record) {
            EventEnvelope event = record.value();
            if (REFUSE.get() && event.getSubject().startsWith("refused")) {
                throw new IllegalArgumentException("refused " + event.getId());
            }
            try {
                transaction.executeWithoutResult(status -> {
                    if (processedEvents.firstTime("it.projection", event.getId())) {
                        jdbc.update("INSERT INTO it_projection (event_id, subject) VALUES (?, ?)", event.getId(),
                                event.getSubject());
                    }
                });
            } catch (RuntimeException e) {
                FAILED_ATTEMPTS.incrementAndGet();
                throw e;
            }
        }
    }
}
