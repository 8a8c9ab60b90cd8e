package io.huduma.platform.events;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers which events a consumer has handled ({@code processed_event}), for idempotent
 * consumers under Kafka's at-least-once delivery:
 *
 * <pre>{@code
 * @Transactional
 * void on(EventEnvelope event) {
 *     if (!processedEvents.firstTime("notifications.request-submitted", event.getId())) return;
 *     ... handle ...
 * }
 * }</pre>
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code consumer} handles {@code eventId} now. True the first time; false when
     * already recorded by a committed transaction. Runs in the caller's transaction, so a handling
     * that rolls back leaves the event unrecorded and it is handled again on redelivery. A
     * concurrent transaction recording the same pair waits for the first to finish.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstTime(String consumer, String eventId) {
        if (consumer == null || consumer.isBlank() || eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("consumer and eventId must not be blank");
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("ProcessedEvents.firstTime needs the caller's transaction");
        }
        return jdbc.update("INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                consumer, eventId) == 1;
    }
}
