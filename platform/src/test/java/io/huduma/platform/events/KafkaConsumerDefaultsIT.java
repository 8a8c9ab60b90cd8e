package io.huduma.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.platform.correlation.Correlation;
import io.huduma.platform.events.testapp.EventsTestApplication;
import io.huduma.testkit.HudumaTestProperties;
import io.huduma.testkit.Infra;

/**
 * The platform's listener defaults on the real broker: envelopes arrive typed with their
 * correlation id in the MDC; a record the listener keeps failing on, and bytes that are no
 * envelope, end on {@code <topic>.dlt} without blocking the records behind them.
 */
@SpringBootTest(classes = { EventsTestApplication.class, KafkaConsumerDefaultsIT.RecordingListener.class },
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.application.name=platform-consumer-it",
                "eureka.client.enabled=false",
                "huduma.kafka.retries=2",
                "huduma.kafka.retry-backoff=100ms",
                "huduma.kafka.topics.retention=9d" })
class KafkaConsumerDefaultsIT {

    static String TOPIC;
    /** A dead-letter suffix of this run only: the topics the platform declares with it are new. */
    static final String DLT = ".dlt-" + java.util.UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        HudumaTestProperties.database(registry, "platform_consumer");
        HudumaTestProperties.kafka(registry);
        HudumaTestProperties.keycloak(registry);
        // created before the listener subscribes; its dead-letter topic is left to the broker's auto-creation
        TOPIC = KafkaTestTopics.create("platform.consumer-it");
        registry.add("it.topic", () -> TOPIC);
        registry.add("huduma.kafka.dead-letter-suffix", () -> DLT);
    }

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Test
    void aListenerGetsTheEnvelopeWithItsCorrelationIdAndFailuresGoToTheDeadLetterTopic() throws Exception {
        EventEnvelope good = envelope("request-1", "consumer-it-corr-1");
        EventEnvelope poison = envelope("poison", "consumer-it-corr-2");
        byte[] garbage = "not an envelope".getBytes(StandardCharsets.UTF_8);
        EventEnvelope afterGarbage = envelope("request-2", "consumer-it-corr-3");

        kafka.send(TOPIC, good.getSubject(), good).get(10, TimeUnit.SECONDS);
        kafka.send(TOPIC, poison.getSubject(), poison).get(10, TimeUnit.SECONDS);
        sendRaw("request-2", garbage);
        kafka.send(TOPIC, afterGarbage.getSubject(), afterGarbage).get(10, TimeUnit.SECONDS);

        Map<String, Handled> handled = new java.util.HashMap<>();
        for (int i = 0; i < 2; i++) {
            Handled one = RecordingListener.HANDLED.poll(30, TimeUnit.SECONDS);
            assertThat(one).as("handled record %d", i + 1).isNotNull();
            handled.put(one.envelope().getSubject(), one);
        }
        assertThat(handled.get("request-1").envelope()).isEqualTo(good);
        assertThat(handled.get("request-1").correlationId()).isEqualTo("consumer-it-corr-1");
        // the record behind the undeserializable one (same key, same partition) is handled too
        assertThat(handled.get("request-2").envelope()).isEqualTo(afterGarbage);
        assertThat(handled.get("request-2").correlationId()).isEqualTo("consumer-it-corr-3");

        List<ConsumerRecord<String, byte[]>> deadLetters = KafkaTestTopics.read(TOPIC + DLT, r -> r.size() >= 2,
                Duration.ofSeconds(60), Duration.ofSeconds(1));
        assertThat(deadLetters).hasSize(2);
        assertThat(deadLetters).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo("poison");
            assertThat(r.value()).isEqualTo(poison.toByteArray());
            assertThat(header(r, "kafka_dlt-exception-message")).contains("cannot handle");
        });
        assertThat(deadLetters).anySatisfy(r -> {
            assertThat(r.value()).isEqualTo(garbage);
            assertThat(header(r, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        });
        // first try plus huduma.kafka.retries; the garbage record never reached the listener
        assertThat(RecordingListener.POISON_ATTEMPTS.get()).isEqualTo(3);
    }

    @Test
    void everyPlatformTopicAndItsDeadLetterTopicIsDeclaredAtStart() throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafkaBootstrapServers()))) {
            java.util.Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (String topic : io.huduma.contracts.Topics.ALL) {
                assertThat(names).contains(topic, topic + DLT);
            }
            String deadLetters = io.huduma.contracts.Topics.REQUESTS + DLT;
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, deadLetters);
            var config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
            assertThat(config.get("retention.ms").value()).as("the configured retention, not the broker's default")
                    .isEqualTo(String.valueOf(Duration.ofDays(9).toMillis()));
            assertThat(admin.describeTopics(List.of(deadLetters)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(deadLetters).partitions()).hasSize(3);
        }
    }

    private static EventEnvelope envelope(String subject, String correlationId) {
        try (Correlation.Scope scope = Correlation.open(correlationId)) {
            return EventEnvelopes.wrap("platform-consumer-it", subject, "brela", OutboxIT.submitted(subject, 1));
        }
    }

    private static void sendRaw(String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(10, TimeUnit.SECONDS);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    record Handled(EventEnvelope envelope, String correlationId) {
    }

    /** A service's listener: records what it got; fails every time on subject "poison". */
    static class RecordingListener {

        static final BlockingQueue<Handled> HANDLED = new LinkedBlockingQueue<>();
        static final AtomicInteger POISON_ATTEMPTS = new AtomicInteger();

        @KafkaListener(topics = "${it.topic}")
        void on(ConsumerRecord<String, EventEnvelope> record) {
            if (record.value().getSubject().equals("poison")) {
                POISON_ATTEMPTS.incrementAndGet();
                throw new IllegalStateException("cannot handle " + record.value().getId());
            }
            HANDLED.add(new Handled(record.value(), MDC.get(Correlation.MDC_KEY)));
        }
    }
}
