package io.huduma.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import com.google.protobuf.InvalidProtocolBufferException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.requests.v1.RequestSubmitted;
import io.huduma.platform.correlation.Correlation;
import io.huduma.platform.events.testapp.EventsTestApplication;
import io.huduma.testkit.HudumaTestProperties;

/** The outbox against the real PostgreSQL and Kafka: what commits is published once, in order. */
@SpringBootTest(classes = EventsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.application.name=platform-outbox-it",
                "eureka.client.enabled=false",
                "huduma.outbox.poll-interval=100ms",
                "huduma.outbox.purge-interval=200ms",
                "huduma.outbox.max-attempts=3",
                "huduma.outbox.retry-backoff=200ms" })
class OutboxIT {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        HudumaTestProperties.database(registry, "platform_outbox");
        HudumaTestProperties.kafka(registry);
        HudumaTestProperties.keycloak(registry);
    }

    @Autowired
    OutboxWriter outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboxMetrics metrics;
    @Autowired
    OutboxHealthIndicator health;

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void handledEventIdsAreForgottenOnlyAfterTheirRetention() throws Exception {
        String old = "old-" + java.util.UUID.randomUUID();
        String recent = "recent-" + java.util.UUID.randomUUID();
        jdbc.update("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('it', ?, now() - interval '31 days')", old);
        jdbc.update("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('it', ?, now() - interval '29 days')", recent);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (count(old) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(count(old)).as("older than the 30 days' retention: purged by the relay").isZero();
        assertThat(count(recent)).as("within the retention: a redelivery must still be recognised").isOne();
    }

    private int count(String eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE event_id = ?", Integer.class, eventId);
    }

    @Test
    void aCommittedEventArrivesExactlyOnceWithItsEnvelopeHeadersAndCorrelationId() throws Exception {
        String topic = KafkaTestTopics.create("platform.outbox-it");
        RequestSubmitted payload = submitted("request-1", 1);

        EventEnvelope written;
        try (Correlation.Scope scope = Correlation.open("outbox-it-corr-1")) {
            written = transaction.execute(status -> outbox.append(topic, "request-1", "brela", payload));
        }

        List<ConsumerRecord<String, byte[]>> records = KafkaTestTopics.read(topic, r -> !r.isEmpty(),
                Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        EventEnvelope received = EventEnvelope.parseFrom(record.value());
        assertThat(record.key()).isEqualTo("request-1");
        assertThat(received).isEqualTo(written);
        assertThat(UUID.fromString(received.getId())).isNotNull();
        assertThat(received.getType()).isEqualTo("huduma.requests.v1.RequestSubmitted");
        assertThat(received.getSource()).isEqualTo("platform-outbox-it");
        assertThat(received.getSubject()).isEqualTo("request-1");
        assertThat(received.getAgency()).isEqualTo("brela");
        assertThat(received.getCorrelationId()).isEqualTo("outbox-it-corr-1");
        assertThat(EventEnvelopes.unpack(received, RequestSubmitted.class)).isEqualTo(payload);
        assertThat(header(record, "ce_id")).isEqualTo(received.getId());
        assertThat(header(record, "ce_type")).isEqualTo("huduma.requests.v1.RequestSubmitted");
        assertThat(header(record, "ce_source")).isEqualTo("platform-outbox-it");
        assertThat(header(record, "correlation_id")).isEqualTo("outbox-it-corr-1");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT published_at IS NOT NULL FROM outbox_event WHERE event_id = ?::uuid", Boolean.class,
                written.getId())).isTrue());
    }

    @Test
    void aRolledBackTransactionPublishesNothing() throws Exception {
        String topic = KafkaTestTopics.create("platform.outbox-it");

        EventEnvelope rolledBack = transaction.execute(status -> {
            EventEnvelope envelope = outbox.append(topic, "request-2", "brela", submitted("request-2", 1));
            status.setRollbackOnly();
            return envelope;
        });
        EventEnvelope committed = transaction.execute(status ->
                outbox.append(topic, "request-3", "brela", submitted("request-3", 1)));

        List<ConsumerRecord<String, byte[]>> records = KafkaTestTopics.read(topic,
                r -> ids(r).contains(committed.getId()), Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(ids(records)).containsExactly(committed.getId());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE event_id = ?::uuid", Integer.class,
                rolledBack.getId())).isZero();
    }

    @Test
    void eachAggregatesEventsArriveInTheOrderTheyWereCommittedInABurst() throws Exception {
        String topic = KafkaTestTopics.create("platform.outbox-it");
        int aggregates = 4;
        int perAggregate = 30;

        List<Future<?>> writers = new ArrayList<>();
        for (int a = 0; a < aggregates; a++) {
            String subject = "burst-" + a;
            writers.add(pool.submit(() -> IntStream.rangeClosed(1, perAggregate).forEach(seq -> transaction.execute(
                    status -> outbox.append(topic, subject, "brela", submitted(subject, seq))))));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }

        List<ConsumerRecord<String, byte[]>> records = KafkaTestTopics.read(topic,
                r -> r.size() >= aggregates * perAggregate, Duration.ofSeconds(60), Duration.ofSeconds(2));
        assertThat(records).hasSize(aggregates * perAggregate);
        Map<String, List<Integer>> sequences = sequencesByKey(records);
        assertThat(sequences).hasSize(aggregates);
        sequences.values().forEach(seqs -> assertThat(seqs)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, perAggregate).boxed().toList()));
    }

    @Test
    void aSecondWriterForTheSameAggregateWaitsUntilTheFirstCommitsSoIdOrderIsCommitOrder() throws Exception {
        String topic = KafkaTestTopics.create("platform.outbox-it");
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        Future<?> first = pool.submit(() -> transaction.execute(status -> {
            outbox.append(topic, "request-x", "brela", submitted("request-x", 1));
            firstAppended.countDown();
            awaitLatch(releaseFirst);
            return null;
        }));
        assertThat(firstAppended.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> second = pool.submit(() -> transaction.execute(
                status -> outbox.append(topic, "request-x", "brela", submitted("request-x", 2))));
        Future<?> otherAggregate = pool.submit(() -> transaction.execute(
                status -> outbox.append(topic, "request-y", "brela", submitted("request-y", 1))));

        otherAggregate.get(10, TimeUnit.SECONDS); // other aggregates do not wait
        List<ConsumerRecord<String, byte[]>> beforeRelease = KafkaTestTopics.read(topic,
                r -> sequencesByKey(r).containsKey("request-y"), Duration.ofSeconds(30), Duration.ofMillis(500));
        assertThat(sequencesByKey(beforeRelease)).doesNotContainKey("request-x");
        assertThat(second.isDone()).as("second writer of request-x waits for the first").isFalse();

        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);

        List<ConsumerRecord<String, byte[]>> records = KafkaTestTopics.read(topic, r -> r.size() >= 3,
                Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertThat(sequencesByKey(records)).containsEntry("request-x", List.of(1, 2))
                .containsEntry("request-y", List.of(1));
    }

    @Test
    void aRowTheBrokerRefusesIsParkedWithItsReasonAndHoldsBackOnlyItsOwnAggregate() throws Exception {
        String topic = KafkaTestTopics.create("platform.outbox-poison-it");
        // larger than the producer's max.request.size (1 MiB): Kafka can never take it
        RequestSubmitted tooLarge = RequestSubmitted.newBuilder().setRequestId("poison-1")
                .setTrackingNumber("x".repeat(1_200_000)).setServiceVersion(1).setAgencyCode("brela").build();
        EventEnvelope poison = transaction.execute(status -> outbox.append(topic, "poison-1", "brela", tooLarge));
        EventEnvelope behindPoison = transaction.execute(status ->
                outbox.append(topic, "poison-1", "brela", submitted("poison-1", 2)));
        EventEnvelope other1 = transaction.execute(status -> outbox.append(topic, "fine-1", "brela", submitted("fine-1", 1)));
        EventEnvelope other2 = transaction.execute(status -> outbox.append(topic, "fine-2", "brela", submitted("fine-2", 1)));
        EventEnvelope other3 = transaction.execute(status -> outbox.append(topic, "fine-1", "brela", submitted("fine-1", 2)));

        // the other aggregates are published at once, in order, while the poison row is still being retried
        List<ConsumerRecord<String, byte[]>> records = KafkaTestTopics.read(topic,
                r -> ids(r).containsAll(List.of(other1.getId(), other2.getId(), other3.getId())),
                Duration.ofSeconds(30), Duration.ofMillis(500));
        assertThat(sequencesByKey(records)).containsEntry("fine-1", List.of(1, 2)).containsEntry("fine-2", List.of(1))
                .doesNotContainKey("poison-1");

        await().atMost(Duration.ofSeconds(30)).until(() -> parked(poison));
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT attempts, last_error, published_at FROM outbox_event WHERE event_id = ?::uuid", poison.getId());
        assertThat(row.get("attempts")).isEqualTo(3);
        assertThat((String) row.get("last_error")).contains("RecordTooLargeException");
        assertThat(row.get("published_at")).isNull();
        Map<String, Object> waiting = jdbc.queryForMap(
                "SELECT attempts, parked_at, published_at FROM outbox_event WHERE event_id = ?::uuid", behindPoison.getId());
        assertThat(waiting).as("the later event of the poisoned aggregate waits, untried")
                .containsEntry("attempts", 0).containsEntry("parked_at", null).containsEntry("published_at", null);

        // the gauges and the health indicator show it
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metrics.bindTo(registry);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(registry.get("huduma.outbox.parked").gauge().value()).isGreaterThanOrEqualTo(1);
            assertThat(registry.get("huduma.outbox.backlog").gauge().value()).isGreaterThanOrEqualTo(1);
            assertThat(registry.get("huduma.outbox.oldest.age").gauge().value()).isGreaterThan(0);
        });
        Health outboxHealth = health.health();
        assertThat(outboxHealth.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(outboxHealth.getDetails().get("parkedRows").toString()).contains("RecordTooLargeException")
                .contains("poison-1");

        // an operator discards the parked row: the aggregate's next event flows, after nothing else
        jdbc.update("DELETE FROM outbox_event WHERE event_id = ?::uuid", poison.getId());
        List<ConsumerRecord<String, byte[]>> after = KafkaTestTopics.read(topic,
                r -> ids(r).contains(behindPoison.getId()), Duration.ofSeconds(30), Duration.ofMillis(500));
        assertThat(sequencesByKey(after).get("poison-1")).containsExactly(2);
    }

    @Test
    void bytesThatAreNoEnvelopeAreParkedAtOnceAndTriedNoMore() throws Exception {
        String topic = KafkaTestTopics.create("platform.outbox-garbage-it");
        long garbage = transaction.execute(status -> jdbc.queryForObject("""
                INSERT INTO outbox_event (event_id, topic, subject, event_type, correlation_id, envelope)
                VALUES (?, ?, 'garbage-1', 'none', 'c', ?) RETURNING id
                """, Long.class, UUID.randomUUID(), topic, new byte[] { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF }));
        EventEnvelope fine = transaction.execute(status -> outbox.append(topic, "fine-3", "brela", submitted("fine-3", 1)));

        KafkaTestTopics.read(topic, r -> ids(r).contains(fine.getId()), Duration.ofSeconds(30), Duration.ZERO);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT parked_at IS NOT NULL FROM outbox_event WHERE id = ?", Boolean.class, garbage));
        Thread.sleep(1_000); // several polls: a parked row is not tried (nor logged) again
        Map<String, Object> row = jdbc.queryForMap("SELECT attempts, last_error FROM outbox_event WHERE id = ?", garbage);
        assertThat(row.get("attempts")).isEqualTo(3);
        assertThat((String) row.get("last_error")).contains("InvalidProtocolBufferException");
    }

    private boolean parked(EventEnvelope envelope) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT parked_at IS NOT NULL FROM outbox_event WHERE event_id = ?::uuid", Boolean.class, envelope.getId()));
    }

    @Test
    void appendRefusesToRunOutsideATransaction() {
        assertThatThrownBy(() -> outbox.append("platform.outbox-it.none", "request-z", "brela",
                submitted("request-z", 1))).isInstanceOf(IllegalTransactionStateException.class);
    }

    static RequestSubmitted submitted(String requestId, int seq) {
        return RequestSubmitted.newBuilder().setRequestId(requestId).setTrackingNumber("HUD-" + seq)
                .setServiceVersion(seq).setAgencyCode("brela").build();
    }

    private static Map<String, List<Integer>> sequencesByKey(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<Integer>> sequences = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            sequences.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(EventEnvelopes.unpack(parse(record), RequestSubmitted.class).getServiceVersion());
        }
        return sequences;
    }

    private static List<String> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> parse(r).getId()).toList();
    }

    private static EventEnvelope parse(ConsumerRecord<String, byte[]> record) {
        try {
            return EventEnvelope.parseFrom(record.value());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
