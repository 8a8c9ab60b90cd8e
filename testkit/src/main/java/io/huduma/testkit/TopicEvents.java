package io.huduma.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.huduma.contracts.common.v1.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What really reached the shared Kafka broker: every envelope on a topic for one subject, read from
 * the beginning by a consumer of its own; and a way to put an envelope on a topic as a producer would.
 */
public final class TopicEvents {

    private static KafkaProducer<String, byte[]> producer;

    private TopicEvents() {
    }

    /**
     * Waits until {@code expected} events for {@code subject} are on {@code topic}, then keeps reading
     * for {@code settle} so that a duplicate would be seen too. Returns all events found for the subject.
     */
    public static List<EventEnvelope> await(String topic, String subject, int expected, Duration timeout, Duration settle) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "huduma-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<EventEnvelope> found = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if (subject.equals(record.key())) {
                        found.add(parse(record.value()));
                    }
                }
                if (found.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + settle.toNanos();
                }
            }
            return found;
        }
    }

    /** {@link #await} with a 30 s timeout and a 2 s settle. */
    public static List<EventEnvelope> await(String topic, String subject, int expected) {
        return await(topic, subject, expected, Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    /** Only the events of one type ({@code EventEnvelope.type}) among {@link #await}'s. */
    public static List<EventEnvelope> await(String topic, String subject, String type, int expected, Duration timeout) {
        List<EventEnvelope> ofType = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ofType.size() < expected && System.nanoTime() < deadline) {
            ofType = await(topic, subject, Integer.MAX_VALUE, Duration.ofSeconds(2), Duration.ZERO).stream()
                    .filter(event -> type.equals(event.getType())).toList();
        }
        return ofType;
    }

    /** Events for the subject after waiting long enough that the relay would have published any. */
    public static List<EventEnvelope> none(String topic, String subject) {
        return await(topic, subject, Integer.MAX_VALUE, Duration.ofSeconds(6), Duration.ZERO);
    }

    /** Puts an envelope on a topic, keyed by its subject, and waits for the broker's acknowledgement. */
    public static void publish(String topic, EventEnvelope envelope) {
        try {
            producer().send(new ProducerRecord<>(topic, envelope.getSubject(), envelope.toByteArray())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Could not publish to " + topic, e.getCause());
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static EventEnvelope parse(byte[] value) {
        try {
            return EventEnvelope.parseFrom(value);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException("not an EventEnvelope", e);
        }
    }
}
