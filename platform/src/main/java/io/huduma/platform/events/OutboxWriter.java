package io.huduma.platform.events;

import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.google.protobuf.Message;

import io.huduma.contracts.common.v1.EventEnvelope;

/**
 * Writes an event into the transactional outbox ({@code outbox_event}) inside the caller's
 * transaction, so the state change and the fact announcing it commit or roll back together.
 * The outbox relay publishes it to Kafka after the commit.
 */
public class OutboxWriter {

    private static final Object NUDGE_REGISTERED = new Object();

    private final JdbcTemplate jdbc;
    private final String source;
    private final Runnable nudge;

    /**
     * @param source the producing module, {@code spring.application.name}
     * @param nudge what to run after a commit that wrote events (wakes the relay)
     */
    public OutboxWriter(JdbcTemplate jdbc, String source, Runnable nudge) {
        this.jdbc = jdbc;
        this.source = source;
        this.nudge = nudge;
    }

    /**
     * Appends one event. Must run inside an existing transaction.
     *
     * @param topic the Kafka topic (a constant of {@code io.huduma.contracts.Topics})
     * @param subject the aggregate id; the record key, so one aggregate's events stay in order
     * @param agency the agency code, or null for platform-wide facts
     * @param payload the fact (a message of the contracts module)
     * @return the envelope as it will be published (its id is the event id consumers see)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope append(String topic, String subject, String agency, Message payload) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        Objects.requireNonNull(payload, "payload");
        // also checked here, not only by the proxy: a writer built outside Spring must not write outside a transaction
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("OutboxWriter.append needs the caller's transaction");
        }
        EventEnvelope envelope = EventEnvelopes.wrap(source, subject, agency, payload);

        // Why the advisory lock: ids come from a sequence when the row is inserted, but rows become
        // visible to the relay when their transaction commits. Two transactions about the same
        // aggregate could commit in the opposite order of their ids, and the relay (reading in id
        // order) would publish the later fact first, or publish id 11 before id 10 is visible. The
        // transaction-scoped lock on (topic, subject) makes a second writer for the same aggregate
        // wait until the first commits or rolls back, so per aggregate, id order = commit order.
        // Different aggregates never wait for each other (barring a rare hash collision).
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext(? || '|' || ?))", rs -> null, topic, subject);
        jdbc.update("""
                INSERT INTO outbox_event (event_id, topic, subject, agency, event_type, correlation_id, envelope)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                UUID.fromString(envelope.getId()), topic, subject, envelope.getAgency(), envelope.getType(),
                envelope.getCorrelationId(), envelope.toByteArray());
        nudgeAfterCommit();
        return envelope;
    }

    private void nudgeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(NUDGE_REGISTERED)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(NUDGE_REGISTERED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                nudge.run();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(NUDGE_REGISTERED);
            }
        });
    }
}
