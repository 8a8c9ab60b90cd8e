package io.huduma.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Replays a dead-letter topic ({@code <topic>.dlt}) into its topic, once: every record that is on the
 * dead-letter topic when the replay starts is published again to the topic it came from (same key,
 * so the same partition and per-aggregate order; same value and headers, minus the dead-letter
 * headers, plus {@code huduma_dlt_replayed_from}). Progress is kept as the committed offsets of the
 * consumer group {@code huduma-dlt-replay.<topic>}, so running it twice replays nothing twice, and a
 * record dead-lettered again during a replay waits for the next one. Consumers are idempotent
 * ({@link ProcessedEvents}), so a record replayed after a crash mid-way is handled once.
 *
 * <p>From a shell ({@code ./huduma dlt replay <topic>} does this with the local stack's broker):
 * <pre>
 * java -cp "platform.jar:kafka-clients.jar:..." io.huduma.platform.events.DeadLetterReplay \
 *      --bootstrap-servers kafka:9092 huduma.requests.v1
 * </pre>
 */
public final class DeadLetterReplay {

    /** Header naming where a replayed record was read: {@code <dead-letter topic>/<partition>/<offset>}. */
    public static final String REPLAYED_FROM = "huduma_dlt_replayed_from";
    /** Spring Kafka's dead-letter headers start with this; they are dropped when a record is replayed. */
    static final String DEAD_LETTER_HEADER_PREFIX = "kafka_dlt-";
    static final String ORIGINAL_TOPIC_HEADER = "kafka_dlt-original-topic";
    public static final String DEFAULT_SUFFIX = ".dlt";

    private DeadLetterReplay() {
    }

    /**
     * @param deadLetterTopic where the records were read
     * @param replayed how many were published again, per target topic
     */
    public record Result(String deadLetterTopic, Map<String, Integer> replayed) {

        public int total() {
            return replayed.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Replays {@code topic}'s dead-letter topic into it.
     *
     * @param kafka client settings (at least {@code bootstrap.servers}; security settings as needed)
     * @param topic the topic, or its dead-letter topic's name
     * @param suffix the dead-letter suffix ({@code huduma.kafka.dead-letter-suffix}, {@code .dlt})
     * @param timeout how long the whole replay may take
     */
    public static Result replay(Map<String, Object> kafka, String topic, String suffix, Duration timeout) {
        String deadLetterTopic = topic.endsWith(suffix) ? topic : topic + suffix;
        String original = deadLetterTopic.substring(0, deadLetterTopic.length() - suffix.length());
        long deadline = System.nanoTime() + timeout.toNanos();

        Map<String, Object> consumerConfig = new HashMap<>(kafka);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "huduma-dlt-replay." + original);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        Map<String, Object> producerConfig = new HashMap<>(kafka);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);

        Map<String, Integer> replayed = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(deadLetterTopic, remaining(deadline));
            if (partitions == null || partitions.isEmpty()) {
                return new Result(deadLetterTopic, replayed); // no dead letters ever
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            // what is there now; anything dead-lettered again during this replay waits for the next one
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, remaining(deadline));
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(assigned), remaining(deadline));
            for (TopicPartition partition : assigned) {
                OffsetAndMetadata done = committed.get(partition);
                if (done == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, done.offset());
                }
            }
            while (!caughtUp(consumer, assigned, end, deadline)) {
                Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    String target = originalTopic(record, original);
                    sends.add(producer.send(new ProducerRecord<>(target, null, record.key(), record.value(),
                            replayHeaders(record))));
                    replayed.merge(target, 1, Integer::sum);
                    progress.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
                producer.flush();
                for (Future<RecordMetadata> send : sends) {
                    send.get(remaining(deadline).toMillis(), TimeUnit.MILLISECONDS);
                }
                if (!progress.isEmpty()) {
                    // only after the broker has every replayed copy: a crash before this replays them again
                    consumer.commitSync(progress, remaining(deadline));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Replay of " + deadLetterTopic + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Replay of " + deadLetterTopic + " failed: " + e.getMessage(), e);
        }
        return new Result(deadLetterTopic, replayed);
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> end, long deadline) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition, remaining(deadline)) < end.get(partition)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Replay timed out before reaching the end of " + partition);
                }
                return false;
            }
        }
        return true;
    }

    private static String originalTopic(ConsumerRecord<byte[], byte[]> record, String fallback) {
        Header header = record.headers().lastHeader(ORIGINAL_TOPIC_HEADER);
        return header == null ? fallback : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static RecordHeaders replayHeaders(ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX) && !header.key().equals(REPLAYED_FROM)) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM, (record.topic() + "/" + record.partition() + "/" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }

    /**
     * {@code DeadLetterReplay [--bootstrap-servers host:port] [--suffix .dlt] [--timeout 60s] <topic>...}; the
     * broker defaults to {@code $KAFKA_BOOTSTRAP_SERVERS}, then {@code $SPRING_KAFKA_BOOTSTRAP_SERVERS}, then
     * {@code localhost:9092}. Exit code 0 when every topic was replayed, 1 on a failure, 2 on bad arguments.
     */
    public static void main(String[] args) {
        quietClientLogs();
        String bootstrap = firstSet(System.getenv("KAFKA_BOOTSTRAP_SERVERS"),
                System.getenv("SPRING_KAFKA_BOOTSTRAP_SERVERS"), "localhost:9092");
        String suffix = DEFAULT_SUFFIX;
        Duration timeout = Duration.ofSeconds(60);
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap-servers" -> bootstrap = value(args, ++i);
                case "--suffix" -> suffix = value(args, ++i);
                case "--timeout" -> timeout = Duration.parse("PT" + value(args, ++i).toUpperCase(java.util.Locale.ROOT));
                default -> topics.add(args[i]);
            }
        }
        if (topics.isEmpty()) {
            System.err.println("usage: DeadLetterReplay [--bootstrap-servers host:port] [--suffix .dlt] "
                    + "[--timeout 60s] <topic>...");
            System.exit(2);
        }
        int status = 0;
        for (String topic : topics) {
            try {
                Result result = replay(Map.of("bootstrap.servers", bootstrap), topic, suffix, timeout);
                if (result.replayed().isEmpty()) {
                    System.out.println(result.deadLetterTopic() + ": nothing to replay");
                }
                result.replayed().forEach((target, count) -> System.out.println(
                        result.deadLetterTopic() + ": replayed " + count + " record(s) into " + target));
            } catch (RuntimeException e) {
                System.err.println(topic + ": " + e.getMessage());
                status = 1;
            }
        }
        System.exit(status);
    }

    /** The Kafka clients log every setting at INFO; a command line wants only its result and warnings. */
    private static void quietClientLogs() {
        try {
            Object root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            Class<?> level = Class.forName("ch.qos.logback.classic.Level");
            root.getClass().getMethod("setLevel", level).invoke(root, level.getField("WARN").get(null));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // another logging backend: leave it as configured
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("missing value after " + args[i - 1]);
            System.exit(2);
        }
        return args[i];
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
