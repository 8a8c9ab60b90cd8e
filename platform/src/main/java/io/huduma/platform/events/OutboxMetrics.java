package io.huduma.platform.events;

import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outbox as Micrometer gauges: {@code huduma.outbox.backlog} (rows waiting to be published),
 * {@code huduma.outbox.oldest.age} (seconds the oldest of them has waited) and
 * {@code huduma.outbox.parked} (rows parked after too many failures). NaN while the database cannot
 * be read.
 */
final class OutboxMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

    private final OutboxMonitor monitor;

    OutboxMetrics(OutboxMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "huduma.outbox.backlog", "rows", "Outbox rows not yet published (parked rows excluded)",
                s -> s.backlog());
        gauge(registry, "huduma.outbox.oldest.age", "seconds", "Age of the oldest outbox row not yet published",
                s -> s.oldestAge().toMillis() / 1000.0);
        gauge(registry, "huduma.outbox.parked", "rows", "Outbox rows parked after too many failed attempts",
                s -> s.parked());
    }

    private void gauge(MeterRegistry registry, String name, String unit, String description,
            ToDoubleFunction<OutboxMonitor.Snapshot> value) {
        Gauge.builder(name, monitor, m -> {
            try {
                return value.applyAsDouble(m.snapshot());
            } catch (RuntimeException e) {
                log.debug("Cannot read the outbox for {}", name, e);
                return Double.NaN;
            }
        }).description(description).baseUnit(unit).register(registry);
    }
}
