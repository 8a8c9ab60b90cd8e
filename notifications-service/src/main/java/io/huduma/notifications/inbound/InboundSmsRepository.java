package io.huduma.notifications.inbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.huduma.platform.language.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Received messages in PostgreSQL (table {@code inbound_sms}). */
@Repository
class InboundSmsRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    InboundSmsRepository(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Records a message unless one with the same key arrived within {@code window}: concurrent redeliveries
     * of one message take turns on an advisory lock of the key, so exactly one is recorded. Empty for a
     * redelivery.
     */
    Optional<InboundMessage> recordIfNew(String dedupeKey, String sender, String shortCode, SmsCommand command,
                                         Duration window) {
        return transaction.execute(status -> insertUnlessSeen(dedupeKey, sender, shortCode, command, window));
    }

    private Optional<InboundMessage> insertUnlessSeen(String dedupeKey, String sender, String shortCode,
                                                      SmsCommand command, Duration window) {
        // the lock is held to the end of the transaction: the check and the insert are one step for this key
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))").param(dedupeKey).query().singleValue();
        boolean seen = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM inbound_sms
                                WHERE dedupe_key = ? AND received_at > now() - make_interval(secs => ?))
                """).params(dedupeKey, window.toMillis() / 1000.0).query(Boolean.class).single();
        if (seen) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                INSERT INTO inbound_sms (id, dedupe_key, sender, short_code, keyword, language, tracking_number, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'RECEIVED')
                RETURNING *
                """).params(UUID.randomUUID(), dedupeKey, sender, shortCode, command.keyword().name(),
                command.language().tag(), command.trackingNumber().isEmpty() ? null : command.trackingNumber())
                .query(InboundSmsRepository::map).single());
    }

    /** Takes a RECEIVED message for {@code lease} (other instances leave it meanwhile) and counts the attempt. */
    Optional<InboundMessage> claim(UUID id, Duration lease) {
        return jdbc.sql("""
                UPDATE inbound_sms SET attempts = attempts + 1, claimed_until = now() + make_interval(secs => ?)
                 WHERE id = ? AND outcome = 'RECEIVED' AND (claimed_until IS NULL OR claimed_until < now())
                RETURNING *
                """).params(lease.toMillis() / 1000.0, id).query(InboundSmsRepository::map).optional();
    }

    /** Records what became of a message. */
    void finish(UUID id, InboundMessage.Outcome outcome, UUID replyDeliveryId) {
        jdbc.sql("""
                UPDATE inbound_sms SET outcome = ?, reply_delivery_id = ?, answered_at = now(), claimed_until = NULL
                 WHERE id = ? AND outcome = 'RECEIVED'
                """).params(outcome.name(), replyDeliveryId, id).update();
    }

    /** Lets go of a claimed message (a failed lookup) so that it is taken again later. */
    void release(UUID id) {
        jdbc.sql("UPDATE inbound_sms SET claimed_until = NULL WHERE id = ?").param(id).update();
    }

    /** RECEIVED messages older than {@code age} that nobody holds: left by a failed lookup or a crash. */
    List<UUID> unanswered(Duration age, int limit) {
        return jdbc.sql("""
                SELECT id FROM inbound_sms
                 WHERE outcome = 'RECEIVED' AND received_at < now() - make_interval(secs => ?)
                   AND (claimed_until IS NULL OR claimed_until < now())
                 ORDER BY received_at LIMIT ?
                """).params(age.toMillis() / 1000.0, limit).query(UUID.class).list();
    }

    Optional<InboundMessage> find(UUID id) {
        return jdbc.sql("SELECT * FROM inbound_sms WHERE id = ?").param(id).query(InboundSmsRepository::map).optional();
    }

    /** Forgets messages received before {@code age} ago; returns how many. */
    int deleteOlderThan(Duration age) {
        return jdbc.sql("DELETE FROM inbound_sms WHERE received_at < now() - make_interval(secs => ?)")
                .param(age.toMillis() / 1000.0).update();
    }

    private static InboundMessage map(ResultSet rs, int row) throws SQLException {
        String tracking = rs.getString("tracking_number");
        return new InboundMessage(rs.getObject("id", UUID.class), rs.getString("sender"), rs.getString("short_code"),
                new SmsCommand(SmsCommand.Keyword.valueOf(rs.getString("keyword")),
                        Language.fromTag(rs.getString("language")), tracking == null ? "" : tracking),
                InboundMessage.Outcome.valueOf(rs.getString("outcome")), rs.getInt("attempts"),
                rs.getObject("reply_delivery_id", UUID.class), instant(rs.getTimestamp("received_at")),
                instant(rs.getTimestamp("answered_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
