package io.huduma.devstack.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.requests.v1.RequestSubmitted;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The intake benchmark's last check (bench/intake.sh): every submission the platform acknowledged with a
 * 201 must have been announced on the requests topic exactly once. Reads {@code huduma.requests.requests.v1}
 * from the run's start time, as any consumer would, until every acknowledged request's
 * {@code RequestSubmitted} has been seen and the partitions are read to their end, or until the timeout.
 *
 * <pre>java @classpath io.huduma.devstack.bench.SubmittedEvents BOOTSTRAP ACKED_IDS_FILE SINCE_EPOCH_MS TIMEOUT_S</pre>
 *
 * Prints one line: {@code EVENTS acknowledged=N announced=N missing=0 duplicated=0 seconds=S}; exits 1
 * when an acknowledged submission is missing or announced twice.
 */
public final class SubmittedEvents {

    private SubmittedEvents() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: SubmittedEvents BOOTSTRAP ACKED_IDS_FILE SINCE_EPOCH_MS TIMEOUT_S");
            System.exit(2);
        }
        Tally tally = new Tally(Files.readAllLines(Path.of(args[1])));
        Instant since = Instant.ofEpochMilli(Long.parseLong(args[2]));
        Duration timeout = Duration.ofSeconds(Long.parseLong(args[3]));
        long started = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REQUESTS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(query, Duration.ofSeconds(30));
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp at = from.get(p);
                if (at == null) {
                    consumer.seekToEnd(List.of(p));
                } else {
                    consumer.seek(p, at.offset());
                }
            }
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    tally.record(submittedRequestId(record.value()));
                }
                if (tally.missing() == 0 && atEnd(consumer, partitions)) {
                    break;
                }
            }
        }
        System.out.printf("EVENTS acknowledged=%d announced=%d missing=%d duplicated=%d seconds=%d%n",
                tally.acknowledged(), tally.announced(), tally.missing(), tally.duplicated(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        tally.someMissing(5).forEach(id -> System.out.println("  missing: " + id));
        System.exit(tally.missing() == 0 && tally.duplicated() == 0 ? 0 : 1);
    }

    private static boolean atEnd(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
    }

    /** The request id of a {@code RequestSubmitted} envelope; null for any other record. */
    static String submittedRequestId(byte[] value) {
        try {
            EventEnvelope envelope = EventEnvelope.parseFrom(value);
            return envelope.getData().is(RequestSubmitted.class)
                    ? envelope.getData().unpack(RequestSubmitted.class).getRequestId() : null;
        } catch (InvalidProtocolBufferException notAnEnvelope) {
            return null;
        }
    }

    /** Acknowledged request ids against what the topic announced. */
    static final class Tally {

        private final Map<String, Integer> seen = new HashMap<>();
        private final Set<String> acknowledged = new LinkedHashSet<>();
        private int announced;
        private int duplicated;

        Tally(List<String> acknowledgedIds) {
            for (String line : acknowledgedIds) {
                String id = line.strip();
                if (!id.isEmpty()) {
                    acknowledged.add(UUID.fromString(id).toString());
                }
            }
        }

        void record(String requestId) {
            if (requestId == null || !acknowledged.contains(requestId)) {
                return;
            }
            int times = seen.merge(requestId, 1, Integer::sum);
            if (times == 1) {
                announced++;
            } else if (times == 2) {
                duplicated++;
            }
        }

        int acknowledged() {
            return acknowledged.size();
        }

        int announced() {
            return announced;
        }

        int missing() {
            return acknowledged.size() - announced;
        }

        int duplicated() {
            return duplicated;
        }

        List<String> someMissing(int limit) {
            return acknowledged.stream().filter(id -> !seen.containsKey(id)).limit(limit).toList();
        }
    }
}
