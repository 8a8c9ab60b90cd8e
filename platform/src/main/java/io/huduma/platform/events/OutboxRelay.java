package io.huduma.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;

import com.google.protobuf.InvalidProtocolBufferException;

import io.huduma.contracts.common.v1.EventEnvelope;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Publishes committed outbox rows to Kafka in id order (per aggregate: commit order, see
 * {@link OutboxWriter}), then stamps them published. One thread per instance; ShedLock makes
 * one instance of a service the active relay at a time. At-least-once: a crash between the
 * broker's ack and the stamp re-sends the row, which idempotent consumers skip.
 */
final class OutboxRelay implements SmartLifecycle {

    static final String LOCK_NAME = "huduma-outbox-relay";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final KafkaOperations<Object, Object> kafka;
    private final LockingTaskExecutor locks;
    private final OutboxProperties properties;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private volatile ScheduledThreadPoolExecutor executor;
    private volatile boolean failing;
    private Instant lastPurge = Instant.EPOCH;

    OutboxRelay(JdbcTemplate jdbc, KafkaOperations<Object, Object> kafka, LockingTaskExecutor locks,
            OutboxProperties properties) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.locks = locks;
        this.properties = properties;
    }

    @Override
    public void start() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        long interval = properties.pollInterval().toMillis();
        pool.scheduleWithFixedDelay(this::runOnce, interval, interval, TimeUnit.MILLISECONDS);
        executor = pool;
    }

    @Override
    public void stop() {
        ScheduledThreadPoolExecutor pool = executor;
        executor = null;
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Asks for a run as soon as the relay thread is free (called after a commit that wrote events). */
    void nudge() {
        ScheduledThreadPoolExecutor pool = executor;
        if (pool != null && nudged.compareAndSet(false, true)) {
            try {
                pool.execute(() -> {
                    nudged.set(false);
                    runOnce();
                });
            } catch (RejectedExecutionException stopping) {
                nudged.set(false);
            }
        }
    }

    private void runOnce() {
        try {
            Instant now = Instant.now();
            locks.executeWithLock((Runnable) this::drain,
                    new LockConfiguration(now, LOCK_NAME, properties.lockAtMostFor(), Duration.ZERO));
        } catch (Throwable e) {
            // never let an exception cancel the periodic task
            log.warn("Outbox relay run failed; next try in {}", properties.pollInterval(), e);
        }
    }

    /** Publishes batches until the outbox is empty, a send fails, or half the lock time is used. */
    void drain() {
        long deadline = System.nanoTime() + properties.lockAtMostFor().toNanos() / 2;
        int published;
        do {
            published = publishBatch();
        } while (published == properties.batchSize() && System.nanoTime() < deadline && isRunning());
        purgeIfDue();
    }

    /** Returns how many rows were published; fewer than the batch size when done or on failure. */
    private int publishBatch() {
        List<Row> rows = jdbc.query(
                "SELECT id, topic, subject, envelope FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT ?",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)),
                properties.batchSize());
        if (rows.isEmpty()) {
            return 0;
        }
        // Send the whole batch, then wait for the acks in order. The producer is idempotent with
        // acks=all, so within a partition Kafka keeps the send order and a failed record fails the
        // ones queued behind it instead of letting them overtake it.
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        Exception failure = null;
        for (Row row : rows) {
            try {
                sends.add(kafka.send(new ProducerRecord<>(row.topic(), row.subject(), row.envelope())));
            } catch (RuntimeException e) {
                failure = e;
                break;
            }
        }
        List<Long> acked = new ArrayList<>(sends.size());
        long waitUntil = System.nanoTime() + properties.sendTimeout().toNanos();
        for (int i = 0; i < sends.size() && failure == null; i++) {
            try {
                sends.get(i).get(Math.max(0, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
                acked.add(rows.get(i).id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            } catch (ExecutionException | TimeoutException e) {
                // stop at the first failure: a later row must not be stamped before an earlier one
                failure = e;
            }
        }
        if (!acked.isEmpty()) {
            jdbc.update("UPDATE outbox_event SET published_at = now() WHERE id = ANY (?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", acked.toArray())));
        }
        reportHealth(failure, failure == null ? null : rows.get(acked.size()));
        return failure == null ? acked.size() : -1;
    }

    private void reportHealth(Exception failure, Row firstUnsent) {
        if (failure != null && !failing) {
            failing = true;
            log.warn("Outbox relay cannot publish event row {} to {} (Kafka unreachable?); the business "
                    + "transactions are committed and will be published when Kafka is back", firstUnsent.id(),
                    firstUnsent.topic(), failure);
        } else if (failure == null && failing) {
            failing = false;
            log.info("Outbox relay publishes again");
        }
    }

    private void purgeIfDue() {
        Instant now = Instant.now();
        if (lastPurge.plus(properties.purgeInterval()).isAfter(now)) {
            return;
        }
        lastPurge = now;
        int purged = jdbc.update(
                "DELETE FROM outbox_event WHERE published_at < now() - make_interval(secs => ?)",
                (double) properties.retention().toSeconds());
        if (purged > 0) {
            log.info("Purged {} outbox rows published more than {} ago", purged, properties.retention());
        }
        // the relay runs on one instance at a time (ShedLock), so this purge does too
        int forgotten = jdbc.update(
                "DELETE FROM processed_event WHERE processed_at < now() - make_interval(secs => ?)",
                (double) properties.processedRetention().toSeconds());
        if (forgotten > 0) {
            log.info("Forgot {} handled event ids older than {}", forgotten, properties.processedRetention());
        }
    }

    private record Row(long id, String topic, String subject, EventEnvelope envelope) {

        Row(long id, String topic, String subject, byte[] bytes) {
            this(id, topic, subject, parse(id, bytes));
        }

        private static EventEnvelope parse(long id, byte[] bytes) {
            try {
                return EventEnvelope.parseFrom(bytes);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("outbox_event " + id + " holds no event envelope", e);
            }
        }
    }
}
