package io.huduma.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
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
 *
 * <p>Faults: while the broker is unreachable nothing is counted against the rows and the relay
 * pauses with doubling back-off ({@code huduma.outbox.broker-backoff}). A row that fails while the
 * broker answers (too large, unknown topic, not an envelope) is retried with its own doubling pause
 * and, after {@code huduma.outbox.max-attempts} failures, parked with its reason; until then and while
 * parked it holds back only the later rows of its own aggregate (topic and subject).
 */
final class OutboxRelay implements SmartLifecycle {

    static final String LOCK_NAME = "huduma-outbox-relay";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Unpublished rows that are due, none of whose aggregate's earlier rows is held back. */
    private static final String DUE_ROWS = """
            SELECT o.id, o.topic, o.subject, o.envelope, o.attempts FROM outbox_event o
            WHERE o.published_at IS NULL AND o.parked_at IS NULL AND (o.retry_at IS NULL OR o.retry_at <= now())
              AND NOT EXISTS (SELECT 1 FROM outbox_event b
                              WHERE b.published_at IS NULL AND (b.parked_at IS NOT NULL OR b.retry_at IS NOT NULL)
                                AND b.topic = o.topic AND b.subject = o.subject AND b.id < o.id)
            ORDER BY o.id LIMIT ?
            """;

    private final JdbcTemplate jdbc;
    private final KafkaOperations<Object, Object> kafka;
    private final LockingTaskExecutor locks;
    private final OutboxProperties properties;
    private final BooleanSupplier brokerReachable;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private volatile ScheduledThreadPoolExecutor executor;
    private volatile Instant brokerAwaySince;
    private volatile long pausedUntilNanos = System.nanoTime();
    private int outages;
    private boolean runsFailing;
    private Instant lastPurge = Instant.EPOCH;

    /**
     * @param brokerReachable asked when sends fail with a transient error and nothing was acked: true
     *        when the cluster answers (the rows themselves are at fault), false when it is away
     */
    OutboxRelay(JdbcTemplate jdbc, KafkaOperations<Object, Object> kafka, LockingTaskExecutor locks,
            OutboxProperties properties, BooleanSupplier brokerReachable) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.locks = locks;
        this.properties = properties;
        this.brokerReachable = brokerReachable;
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

    /** When this relay last found the broker unreachable and has not reached it since; null when it is fine. */
    Instant brokerAwaySince() {
        return brokerAwaySince;
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
        if (System.nanoTime() - pausedUntilNanos < 0) {
            return; // backing off while the broker is away: neither polls nor nudges send anything
        }
        try {
            Instant now = Instant.now();
            locks.executeWithLock((Runnable) this::drain,
                    new LockConfiguration(now, LOCK_NAME, properties.lockAtMostFor(), Duration.ZERO));
            if (runsFailing) {
                runsFailing = false;
                log.info("Outbox relay runs again");
            }
        } catch (Throwable e) {
            // never let an exception cancel the periodic task; a database outage fails every poll: log it once
            if (!runsFailing) {
                runsFailing = true;
                log.warn("Outbox relay run failed (database unreachable?); retried every {}", properties.pollInterval(), e);
            } else {
                log.debug("Outbox relay run failed again", e);
            }
        }
    }

    /** Publishes batches until the outbox is empty, the broker is away, or half the lock time is used. */
    void drain() {
        long deadline = System.nanoTime() + properties.lockAtMostFor().toNanos() / 2;
        int handled;
        do {
            handled = publishBatch();
        } while (handled == properties.batchSize() && System.nanoTime() < deadline && isRunning());
        purgeIfDue();
    }

    /** Returns how many rows were handled (published or failed); -1 when the broker is away. */
    private int publishBatch() {
        List<Row> rows = jdbc.query(DUE_ROWS,
                (rs, i) -> Row.of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getInt(5)),
                properties.batchSize());
        if (rows.isEmpty()) {
            brokerIsBack();
            return 0;
        }
        // Send the batch, then wait for the acks in order. The producer is idempotent with acks=all,
        // so within a partition Kafka keeps the send order. A row that fails holds back the later rows
        // of its own aggregate (they are not sent, or not stamped); other aggregates go on.
        Map<Row, Throwable> failures = new LinkedHashMap<>();
        Set<Aggregate> heldBack = new HashSet<>();
        Set<String> topicsWithoutMetadata = new HashSet<>();
        List<Sent> sent = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (heldBack.contains(row.aggregate()) || topicsWithoutMetadata.contains(row.topic())) {
                heldBack.add(row.aggregate());
                continue;
            }
            if (row.envelope() == null) {
                failures.put(row, new InvalidProtocolBufferException("outbox_event " + row.id() + " holds no event envelope"));
                heldBack.add(row.aggregate());
                continue;
            }
            CompletableFuture<?> future;
            try {
                future = kafka.send(new ProducerRecord<>(row.topic(), row.subject(), row.envelope()));
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            if (future.isCompletedExceptionally()) {
                Throwable cause = causeOf(future);
                failures.put(row, cause);
                heldBack.add(row.aggregate());
                if (isA(cause, org.apache.kafka.common.errors.TimeoutException.class)) {
                    // the producer waited max.block.ms for the topic's metadata: do not wait again per row
                    topicsWithoutMetadata.add(row.topic());
                }
                continue;
            }
            sent.add(new Sent(row, future));
        }
        List<Long> acked = new ArrayList<>(sent.size());
        long waitUntil = System.nanoTime() + properties.sendTimeout().toNanos();
        for (Sent s : sent) {
            try {
                s.future().get(Math.max(0, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!heldBack.contains(s.row().aggregate())) {
                    acked.add(s.row().id());
                }
                // else an earlier row of its aggregate failed after this one went out: it is sent again
                // after that row, and consumers skip the copy they already handled
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.put(s.row(), e);
                heldBack.add(s.row().aggregate());
            } catch (ExecutionException e) {
                failures.put(s.row(), e.getCause() == null ? e : e.getCause());
                heldBack.add(s.row().aggregate());
            } catch (TimeoutException e) {
                failures.put(s.row(), e);
                heldBack.add(s.row().aggregate());
            }
        }
        if (!acked.isEmpty()) {
            jdbc.update("UPDATE outbox_event SET published_at = now() WHERE id = ANY (?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", acked.toArray())));
        }
        if (failures.isEmpty()) {
            brokerIsBack();
            return rows.size();
        }
        boolean rowsAtFault = !acked.isEmpty() || failures.values().stream().allMatch(OutboxRelay::neverSucceeds)
                || brokerReachable.getAsBoolean();
        if (!rowsAtFault) {
            brokerIsAway(failures.keySet().iterator().next(), failures.values().iterator().next());
            return -1;
        }
        brokerIsBack();
        failures.forEach(this::recordFailure);
        return rows.size();
    }

    /** Counts a failure against a row while the broker answers: a later retry, or parked for good. */
    private void recordFailure(Row row, Throwable failure) {
        int attempts = neverSucceeds(failure) && failure instanceof InvalidProtocolBufferException
                ? properties.maxAttempts() // bytes that are no envelope will never be one: park at once
                : row.attempts() + 1;
        String reason = reason(failure);
        if (attempts >= properties.maxAttempts()) {
            jdbc.update("UPDATE outbox_event SET attempts = ?, last_error = ?, retry_at = NULL, parked_at = now() WHERE id = ?",
                    attempts, reason, row.id());
            log.error("Outbox row {} (topic {}, subject {}) parked after {} failed attempts: {}. Later events of the "
                    + "same aggregate wait for it; other aggregates are published. Release it with UPDATE outbox_event "
                    + "SET parked_at = NULL, attempts = 0 WHERE id = {} once the cause is fixed (docs/reliability.md)",
                    row.id(), row.topic(), row.subject(), attempts, reason, row.id());
        } else {
            Duration delay = properties.retryDelay(attempts);
            jdbc.update("UPDATE outbox_event SET attempts = ?, last_error = ?, "
                    + "retry_at = now() + make_interval(secs => ?) WHERE id = ?",
                    attempts, reason, delay.toMillis() / 1000.0, row.id());
            if (attempts == 1) {
                // once per row: the next tries log only at debug level until it is parked
                log.warn("Outbox row {} (topic {}, subject {}) could not be published: {}; retried in {}, parked after "
                        + "{} attempts", row.id(), row.topic(), row.subject(), reason, delay, properties.maxAttempts());
            } else {
                log.debug("Outbox row {} failed again ({} of {}): {}", row.id(), attempts, properties.maxAttempts(), reason);
            }
        }
    }

    private void brokerIsAway(Row firstUnsent, Throwable failure) {
        outages++;
        Duration pause = properties.brokerDelay(outages);
        pausedUntilNanos = System.nanoTime() + pause.toNanos();
        if (brokerAwaySince == null) {
            brokerAwaySince = Instant.now();
            log.warn("Outbox relay cannot reach Kafka (row {} to {}: {}); the business transactions are committed and "
                    + "will be published when Kafka is back; retrying with back-off up to {}", firstUnsent.id(),
                    firstUnsent.topic(), reason(failure), properties.brokerMaxBackoff());
        } else {
            log.debug("Kafka still unreachable; next try in {}", pause);
        }
    }

    private void brokerIsBack() {
        outages = 0;
        if (brokerAwaySince != null) {
            log.info("Outbox relay publishes again (Kafka was unreachable since {})", brokerAwaySince);
            brokerAwaySince = null;
        }
    }

    /** Failures that no retry while the broker is up can cure (too large, invalid topic, no envelope...). */
    static boolean neverSucceeds(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidProtocolBufferException || t instanceof SerializationException) {
                return true;
            }
            if (t instanceof ApiException) {
                return !(t instanceof RetriableException);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isA(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static Throwable causeOf(CompletableFuture<?> failed) {
        try {
            failed.join();
            return new IllegalStateException("not failed");
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }

    /** The innermost message, short enough for a column and a log line. */
    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root
                && !(root instanceof ApiException) && !(root instanceof InvalidProtocolBufferException)) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + ": " + root.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
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

    private record Aggregate(String topic, String subject) {
    }

    private record Sent(Row row, CompletableFuture<?> future) {
    }

    /** One outbox row; {@code envelope} is null when its bytes are no event envelope. */
    private record Row(long id, String topic, String subject, EventEnvelope envelope, int attempts) {

        static Row of(long id, String topic, String subject, byte[] bytes, int attempts) {
            EventEnvelope envelope;
            try {
                envelope = EventEnvelope.parseFrom(bytes);
            } catch (InvalidProtocolBufferException e) {
                envelope = null;
            }
            return new Row(id, topic, subject, envelope, attempts);
        }

        Aggregate aggregate() {
            return new Aggregate(topic, subject);
        }
    }
}
