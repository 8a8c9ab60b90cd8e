package io.huduma.platform.events;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the outbox ({@code outbox}): {@code DOWN} when more rows wait than
 * {@code huduma.outbox.health.max-backlog} or the oldest has waited longer than {@code max-oldest-age}
 * (events are not flowing: broker away, relay stuck); {@code OUT_OF_SERVICE} when more rows are parked
 * than {@code max-parked} (an operator must look at them); {@code UP} otherwise. The details carry the
 * figures and the parked rows' reasons. It is in its own health group ({@code /actuator/health/outbox})
 * and in the overall health, not in readiness: the service still takes requests and commits them.
 */
final class OutboxHealthIndicator implements HealthIndicator {

    private final OutboxMonitor monitor;
    private final OutboxProperties.Health thresholds;

    OutboxHealthIndicator(OutboxMonitor monitor, OutboxProperties.Health thresholds) {
        this.monitor = monitor;
        this.thresholds = thresholds;
    }

    @Override
    public Health health() {
        OutboxMonitor.Snapshot s = monitor.snapshot();
        Status status = Status.UP;
        if (s.backlog() > thresholds.maxBacklog() || s.oldestAge().compareTo(thresholds.maxOldestAge()) > 0) {
            status = Status.DOWN;
        } else if (s.parked() > thresholds.maxParked()) {
            status = Status.OUT_OF_SERVICE;
        }
        Health.Builder health = Health.status(status)
                .withDetail("backlog", s.backlog())
                .withDetail("oldestAgeSeconds", s.oldestAge().toSeconds())
                .withDetail("parked", s.parked())
                .withDetail("maxBacklog", thresholds.maxBacklog())
                .withDetail("maxOldestAge", thresholds.maxOldestAge().toString())
                .withDetail("maxParked", thresholds.maxParked());
        if (s.brokerAwaySince() != null) {
            health.withDetail("brokerUnreachableSince", s.brokerAwaySince().toString());
        }
        if (!s.parkedRows().isEmpty()) {
            health.withDetail("parkedRows", s.parkedRows());
        }
        return health.build();
    }
}
