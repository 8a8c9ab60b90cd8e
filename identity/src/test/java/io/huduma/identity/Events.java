package io.huduma.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.protobuf.InvalidProtocolBufferException;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.testkit.Infra;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What really reached the shared Kafka broker: the envelopes on a topic keyed by one subject. */
final class Events {

    private Events() {
    }

    /** Waits until {@code expected} envelopes of {@code type} for {@code subject} are on {@code topic}; returns them all. */
    static List<EventEnvelope> await(String topic, String subject, String type, int expected, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "identity-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<EventEnvelope> found = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && found.size() < expected) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if (subject.equals(record.key())) {
                        EventEnvelope envelope = parse(record.value());
                        if (type == null || type.equals(envelope.getType())) {
                            found.add(envelope);
                        }
                    }
                }
            }
            return found;
        }
    }

    private static EventEnvelope parse(byte[] value) {
        try {
            return EventEnvelope.parseFrom(value);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("not an EventEnvelope", e);
        }
    }
}
