package io.huduma.devstack.chaos;

import com.google.protobuf.InvalidProtocolBufferException;
import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.requests.v1.RequestStatusChanged;
import io.huduma.contracts.requests.v1.RequestSubmitted;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the requests topic from its start, as any consumer would, and puts the run's citizens' submissions
 * and status changes into the ledger. Survives the broker's outage (the client reconnects).
 */
final class RequestEvents implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final Ledger ledger;
    private final Set<String> citizens;

    RequestEvents(String bootstrapServers, Ledger ledger, Set<String> citizens) {
        this.ledger = ledger;
        this.citizens = citizens;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "huduma-chaos-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "chaos-events");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.REQUESTS));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    take(record.value(), record.partition() + "/" + record.offset());
                }
            }
        } catch (WakeupException stopping) {
            // close()
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void take(byte[] value, String position) {
        try {
            EventEnvelope envelope = EventEnvelope.parseFrom(value);
            Instant now = Instant.now();
            if (envelope.getData().is(RequestSubmitted.class)) {
                RequestSubmitted p = envelope.getData().unpack(RequestSubmitted.class);
                if (citizens.contains(p.getCitizenSubject())) {
                    ledger.event(new Ledger.Event(envelope.getId(), p.getRequestId(), "SUBMITTED", position, now));
                }
            } else if (envelope.getData().is(RequestStatusChanged.class)) {
                RequestStatusChanged p = envelope.getData().unpack(RequestStatusChanged.class);
                if (citizens.contains(p.getCitizenSubject())) {
                    ledger.event(new Ledger.Event(envelope.getId(), p.getRequestId(), p.getToStatus(), position, now));
                }
            }
        } catch (InvalidProtocolBufferException notAnEnvelope) {
            // not ours to judge here: the platform's consumers send such records to .dlt
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(5_000);
    }
}
