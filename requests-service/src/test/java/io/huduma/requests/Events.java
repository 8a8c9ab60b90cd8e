package io.huduma.requests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.testkit.Infra;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what really reached the shared Kafka broker: every envelope on a topic for one subject. */
public final class Events {

    private Events() {
    }

    /**
     * Waits until {@code expected} events for {@code subject} are on {@code topic}, then keeps reading
     * for {@code settle} so that a duplicate would be seen too. Returns all events found for the subject.
     */
    public static List<EventEnvelope> await(String topic, String subject, int expected, Duration timeout, Duration settle) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "requests-service-it-" + UUID.randomUUID(),
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

    public static List<EventEnvelope> await(String topic, String subject, int expected) {
        return await(topic, subject, expected, Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    private static EventEnvelope parse(byte[] value) {
        try {
            return EventEnvelope.parseFrom(value);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException("not an EventEnvelope", e);
        }
    }
}
