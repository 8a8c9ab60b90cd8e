package io.huduma.notifications.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deliveries in PostgreSQL (table {@code delivery}). */
@Repository
class DeliveryRepository {

    private static final String COLUMNS = "*";

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a QUEUED delivery unless one exists for the same (event, channel, recipient): the unique
     * constraint decides, so concurrent or repeated events queue one message. Empty when it existed.
     */
    Optional<UUID> insert(OutgoingMessage m) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO delivery (id, cause_event_id, kind, channel, recipient, recipient_subject, language,
                                      subject_line, body, html, masked, agency, priority, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED')
                ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING
                """).params(id, m.causeEventId(), m.kind(), m.channel().name(), m.recipient(), m.recipientSubject(),
                m.language(), m.subjectLine(), m.body(), m.html(), m.masked(), m.agency(), m.priority()).update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /** Takes up to {@code limit} due deliveries for {@code lease}; other instances skip them meanwhile. */
    List<Delivery> claimDue(int limit, Duration lease) {
        return jdbc.sql("""
                UPDATE delivery SET claimed_until = now() + make_interval(secs => ?)
                 WHERE id IN (SELECT id FROM delivery
                               WHERE status = 'QUEUED' AND NOT masked AND next_attempt_at <= now()
                                 AND (claimed_until IS NULL OR claimed_until < now())
                               ORDER BY priority, next_attempt_at
                               LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).params(lease.toMillis() / 1000.0, limit).query(DeliveryRepository::map).list()
                .stream().sorted(java.util.Comparator.comparingInt(Delivery::priority)
                        .thenComparing(Delivery::createdAt)).toList();
    }

    Optional<Delivery> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE id = ?").param(id)
                .query(DeliveryRepository::map).optional();
    }

    /** QUEUED -> SENT (SMS, waiting for the receipt) or straight to DELIVERED (a relay that has it). */
    Optional<Delivery> markSent(UUID id, String provider, String providerMessageId, boolean delivered) {
        return jdbc.sql("""
                UPDATE delivery SET status = ?, provider = ?, provider_message_id = ?, attempts = attempts + 1,
                       sent_at = now(), delivered_at = CASE WHEN ? THEN now() END, claimed_until = NULL,
                       last_error = NULL
                 WHERE id = ? AND status = 'QUEUED'
                RETURNING *
                """).params(delivered ? "DELIVERED" : "SENT", provider, providerMessageId, delivered, id)
                .query(DeliveryRepository::map).optional();
    }

    /** A failed attempt: back to the queue after {@code backoff}, or FAILED when {@code last}. */
    Optional<Delivery> markAttemptFailed(UUID id, String error, Duration backoff, boolean last) {
        return jdbc.sql("""
                UPDATE delivery SET attempts = attempts + 1, last_error = ?, claimed_until = NULL,
                       next_attempt_at = now() + make_interval(secs => ?),
                       status = CASE WHEN ? THEN 'FAILED' ELSE 'QUEUED' END,
                       failed_at = CASE WHEN ? THEN now() END
                 WHERE id = ? AND status = 'QUEUED'
                RETURNING *
                """).params(error, backoff.toMillis() / 1000.0, last, last, id)
                .query(DeliveryRepository::map).optional();
    }

    /** SENT -> DELIVERED by the provider's message id; empty when no SENT delivery has that id (yet). */
    Optional<Delivery> markDelivered(String provider, String providerMessageId) {
        return jdbc.sql("""
                UPDATE delivery SET status = 'DELIVERED', delivered_at = now()
                 WHERE provider = ? AND provider_message_id = ? AND status = 'SENT'
                RETURNING *
                """).params(provider, providerMessageId).query(DeliveryRepository::map).optional();
    }

    /** SENT -> FAILED by the provider's message id (the provider gave up). */
    Optional<Delivery> markUndeliverable(String provider, String providerMessageId, String reason) {
        return jdbc.sql("""
                UPDATE delivery SET status = 'FAILED', failed_at = now(), last_error = ?
                 WHERE provider = ? AND provider_message_id = ? AND status = 'SENT'
                RETURNING *
                """).params(reason, provider, providerMessageId).query(DeliveryRepository::map).optional();
    }

    /** The status of the delivery a provider knows by this message id, if any. */
    Optional<DeliveryStatus> statusByProviderMessage(String provider, String providerMessageId) {
        return jdbc.sql("SELECT status FROM delivery WHERE provider = ? AND provider_message_id = ?")
                .params(provider, providerMessageId).query(String.class).optional().map(DeliveryStatus::valueOf);
    }

    /** FAILED -> QUEUED for another round of attempts; empty when not FAILED. */
    Optional<Delivery> requeue(UUID id) {
        return jdbc.sql("""
                UPDATE delivery SET status = 'QUEUED', attempts = 0, next_attempt_at = now(), failed_at = NULL,
                       claimed_until = NULL
                 WHERE id = ? AND status = 'FAILED' AND NOT masked
                RETURNING *
                """).param(id).query(DeliveryRepository::map).optional();
    }

    /** The deliveries to a person (by subject, or by one of their addresses for codes), newest first. */
    List<Delivery> forRecipient(String subject, Collection<String> addresses, int offset, int limit) {
        return jdbc.sql("""
                SELECT * FROM delivery
                 WHERE recipient_subject = :subject OR (masked AND recipient IN (:addresses))
                 ORDER BY created_at DESC, id
                 OFFSET :offset LIMIT :limit
                """).param("subject", subject).param("addresses", addressesOrNone(addresses))
                .param("offset", offset).param("limit", limit).query(DeliveryRepository::map).list();
    }

    long countForRecipient(String subject, Collection<String> addresses) {
        return jdbc.sql("""
                SELECT count(*) FROM delivery WHERE recipient_subject = :subject OR (masked AND recipient IN (:addresses))
                """).param("subject", subject).param("addresses", addressesOrNone(addresses))
                .query(Long.class).single();
    }

    List<Delivery> failed(int offset, int limit) {
        return jdbc.sql("SELECT * FROM delivery WHERE status = 'FAILED' ORDER BY failed_at DESC, id OFFSET ? LIMIT ?")
                .params(offset, limit).query(DeliveryRepository::map).list();
    }

    long countFailed() {
        return jdbc.sql("SELECT count(*) FROM delivery WHERE status = 'FAILED'").query(Long.class).single();
    }

    /** Deliveries per channel, provider ("" before any provider took it) and status. */
    List<DeliveryCount> counts() {
        return jdbc.sql("""
                SELECT channel, coalesce(provider, '') AS provider, status, count(*) AS n
                  FROM delivery GROUP BY channel, coalesce(provider, ''), status ORDER BY 1, 2, 3
                """).query((rs, row) -> new DeliveryCount(Channel.valueOf(rs.getString("channel")),
                rs.getString("provider"), DeliveryStatus.valueOf(rs.getString("status")), rs.getLong("n"))).list();
    }

    private static List<String> addressesOrNone(Collection<String> addresses) {
        // IN () is not SQL; an address nobody has matches nothing
        return addresses.isEmpty() ? List.of("") : List.copyOf(addresses);
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getString("cause_event_id"), rs.getString("kind"),
                Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getString("recipient_subject"),
                rs.getString("language"), rs.getString("subject_line"), rs.getString("body"), rs.getString("html"),
                rs.getBoolean("masked"), rs.getString("agency"), rs.getInt("priority"),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getString("provider"),
                rs.getString("provider_message_id"), rs.getInt("attempts"), rs.getString("last_error"),
                instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("delivered_at")),
                instant(rs.getTimestamp("failed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
