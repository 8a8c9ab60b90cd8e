package io.huduma.notifications;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.platform.events.EventEnvelopes;
import io.huduma.testkit.Infra;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Facts on the shared Kafka broker: produced as their owners produce them (an {@link EventEnvelope} built
 * by the platform's {@link EventEnvelopes}, keyed by subject) and read back off a topic.
 */
final class Events {

    private static KafkaProducer<String, byte[]> producer;

    private Events() {
    }

    /** Wraps {@code payload} as {@code source} would and publishes it; returns the envelope. */
    static EventEnvelope publish(String topic, String source, String subject, String agency, Message payload) {
        EventEnvelope envelope = EventEnvelopes.wrap(source, subject, agency, payload);
        publish(topic, envelope);
        return envelope;
    }

    /** Publishes an envelope as it is (again, to test redelivery). */
    static void publish(String topic, EventEnvelope envelope) {
        try {
            producer().send(new ProducerRecord<>(topic, envelope.getSubject(), envelope.toByteArray()))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /**
     * Waits until {@code expected} events keyed {@code subject} are on {@code topic}, then reads on for
     * {@code settle} so a duplicate would be seen too.
     */
    static List<EventEnvelope> await(String topic, String subject, int expected, Duration timeout, Duration settle) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "notifications-it-" + UUID.randomUUID(),
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

    private static EventEnvelope parse(byte[] value) {
        try {
            return EventEnvelope.parseFrom(value);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("not an EventEnvelope", e);
        }
    }
}
