package io.huduma.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the outbox holds back right now: unpublished rows, the age of the oldest one, parked rows.
 * Read from {@code outbox_event} (so every instance of a service reports the same, whichever runs the
 * relay) and kept for a second, so scrapes and health probes cost one small query at most.
 */
public class OutboxMonitor {

    private static final Duration CACHE = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final Supplier<java.time.Instant> brokerAwaySince;
    private volatile Snapshot last;

    OutboxMonitor(JdbcTemplate jdbc, Supplier<java.time.Instant> brokerAwaySince) {
        this.jdbc = jdbc;
        this.brokerAwaySince = brokerAwaySince;
    }

    /**
     * @param backlog unpublished rows that are not parked (including those waiting behind a parked row)
     * @param oldestAge age of the oldest of them, zero when there is none
     * @param parked rows parked after too many failures
     * @param brokerAwaySince when this instance's relay last lost the broker, null when it reaches it
     * @param parkedRows a few parked rows with their reasons, oldest first
     */
    public record Snapshot(long backlog, Duration oldestAge, long parked, java.time.Instant brokerAwaySince,
            List<ParkedRow> parkedRows) {
    }

    /** One parked row: id, topic, subject (aggregate), attempts and the last failure. */
    public record ParkedRow(long id, String topic, String subject, int attempts, String reason) {
    }

    /** The latest figures (at most a second old). */
    public Snapshot snapshot() {
        Snapshot snapshot = last;
        long now = System.nanoTime();
        if (snapshot != null && now - readAt < CACHE.toNanos()) {
            return snapshot;
        }
        snapshot = read();
        last = snapshot;
        readAt = now;
        return snapshot;
    }

    private volatile long readAt;

    private Snapshot read() {
        Snapshot counts = jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE parked_at IS NULL),
                       COALESCE(EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE parked_at IS NULL)), 0),
                       count(*) FILTER (WHERE parked_at IS NOT NULL)
                FROM outbox_event WHERE published_at IS NULL
                """, (rs, i) -> new Snapshot(rs.getLong(1), Duration.ofMillis((long) (rs.getDouble(2) * 1000)),
                rs.getLong(3), null, List.of()));
        List<ParkedRow> parked = counts.parked() == 0 ? List.of() : jdbc.query("""
                SELECT id, topic, subject, attempts, last_error FROM outbox_event
                WHERE published_at IS NULL AND parked_at IS NOT NULL ORDER BY id LIMIT 10
                """, (rs, i) -> new ParkedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getString(5)));
        return new Snapshot(counts.backlog(), counts.oldestAge(), counts.parked(), brokerAwaySince.get(), parked);
    }
}
