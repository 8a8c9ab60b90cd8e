package io.huduma.requests.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.huduma.requests.calendar.SlaClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests, their timelines and submission keys in PostgreSQL. */
@Repository
class RequestRepository {

    private static final String COLUMNS = """
            id, tracking_number, citizen_subject, citizen_phone, channel, service_id, service_version, agency_code,
            service_name_sw, service_name_en, fee_amount_minor, fee_currency, sla_working_days, answers::text AS answers,
            status, version, assignee_subject, submitted_at, updated_at, due_date, paused_since, paused_working_days,
            decided_at, outcome_reference, visible_note, sla_breached_at""";

    private final JdbcClient jdbc;

    RequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new request; false when its tracking number is taken (the caller draws another). */
    boolean insert(Request r) {
        ServiceSnapshot s = r.service();
        return jdbc.sql("""
                INSERT INTO request (id, tracking_number, citizen_subject, citizen_phone, channel, service_id, service_version,
                    agency_code, service_name_sw, service_name_en, fee_amount_minor, fee_currency, sla_working_days, answers,
                    status, version, assignee_subject, submitted_at, updated_at, due_date, paused_since, paused_working_days,
                    decided_at, outcome_reference, visible_note, sla_breached_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tracking_number) DO NOTHING
                """)
                .params(r.id(), r.trackingNumber().value(), r.citizenSubject(), r.citizenPhone(), r.channel().code(),
                        s.serviceId(), s.version(), s.agencyCode(), s.nameSw(), s.nameEn(), s.feeAmountMinor(),
                        s.feeCurrency(), s.slaWorkingDays(), r.answersJson(), r.status().name(), r.version(),
                        r.assigneeSubject(), ts(r.submittedAt()), ts(r.updatedAt()), r.clock().dueDate(),
                        ts(r.clock().pausedSince()), r.clock().pausedWorkingDays(), ts(r.decidedAt()),
                        r.outcomeReference(), r.visibleNote(), ts(r.slaBreachedAt()))
                .update() == 1;
    }

    /** Writes the next state of a request if nobody changed it since {@code expectedVersion}. */
    boolean update(Request r, int expectedVersion) {
        return jdbc.sql("""
                UPDATE request SET answers = ?::jsonb, status = ?, version = ?, assignee_subject = ?, updated_at = ?,
                    due_date = ?, paused_since = ?, paused_working_days = ?, decided_at = ?, outcome_reference = ?,
                    visible_note = ?
                WHERE id = ? AND version = ?
                """)
                .params(r.answersJson(), r.status().name(), r.version(), r.assigneeSubject(), ts(r.updatedAt()),
                        r.clock().dueDate(), ts(r.clock().pausedSince()), r.clock().pausedWorkingDays(),
                        ts(r.decidedAt()), r.outcomeReference(), r.visibleNote(), r.id(), expectedVersion)
                .update() == 1;
    }

    Optional<Request> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM request WHERE id = ?").param(id).query(RequestRepository::map).optional();
    }

    Optional<Request> findByTrackingNumber(TrackingNumber number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM request WHERE tracking_number = ?").param(number.value())
                .query(RequestRepository::map).optional();
    }

    List<Request> ofCitizen(String subject, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM request WHERE citizen_subject = ? ORDER BY submitted_at DESC, id LIMIT ? OFFSET ?")
                .params(subject, size, (long) page * size).query(RequestRepository::map).list();
    }

    long countOfCitizen(String subject) {
        return jdbc.sql("SELECT count(*) FROM request WHERE citizen_subject = ?").param(subject).query(Long.class).single();
    }

    List<Request> queue(QueueFilter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = queueWhere(filter, params);
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql("SELECT " + COLUMNS + " FROM request WHERE " + where + " ORDER BY due_date, submitted_at, id LIMIT ? OFFSET ?")
                .params(params).query(RequestRepository::map).list();
    }

    long countQueue(QueueFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = queueWhere(filter, params);
        return jdbc.sql("SELECT count(*) FROM request WHERE " + where).params(params).query(Long.class).single();
    }

    private static String queueWhere(QueueFilter filter, List<Object> params) {
        StringBuilder where = new StringBuilder("agency_code = ?");
        params.add(filter.agencyCode());
        if (filter.status() != null) {
            where.append(" AND status = ?");
            params.add(filter.status().name());
        }
        if (filter.serviceId() != null) {
            where.append(" AND service_id = ?");
            params.add(filter.serviceId());
        }
        if (filter.unassigned()) {
            where.append(" AND assignee_subject IS NULL");
        } else if (filter.assignee() != null) {
            where.append(" AND assignee_subject = ?");
            params.add(filter.assignee());
        }
        if (filter.dueBefore() != null) {
            where.append(" AND due_date < ?");
            params.add(filter.dueBefore());
        }
        return where.toString();
    }

    /** Open requests whose stored due date has passed and that have not been reported as breached. */
    List<Request> breachCandidates(LocalDate today, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " " + """
                FROM request WHERE sla_breached_at IS NULL AND status IN ('SUBMITTED', 'IN_REVIEW') AND due_date < ?
                ORDER BY due_date, id LIMIT ?""")
                .params(today, limit).query(RequestRepository::map).list();
    }

    /** Marks the breach once: false when another run marked it first. */
    boolean markBreached(UUID id, Instant at) {
        return jdbc.sql("UPDATE request SET sla_breached_at = ? WHERE id = ? AND sla_breached_at IS NULL")
                .params(ts(at), id).update() == 1;
    }

    // ---- timeline --------------------------------------------------------------------------------

    /** Appends an entry; with a source event id, a second entry for the same event is ignored. */
    boolean append(UUID requestId, TimelineEntry e, String sourceEventId) {
        return jdbc.sql("""
                INSERT INTO request_timeline (request_id, at, kind, from_status, to_status, actor_role, actor_agency,
                    actor_subject, note, visible_to_citizen, source_event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_event_id) DO NOTHING
                """)
                .params(requestId, ts(e.at()), e.kind().name(), name(e.fromStatus()), name(e.toStatus()), e.actorRole(),
                        e.actorAgency(), e.actorSubject(), e.note(), e.visibleToCitizen(), sourceEventId)
                .update() == 1;
    }

    void append(UUID requestId, TimelineEntry e) {
        append(requestId, e, null);
    }

    List<TimelineEntry> timeline(UUID requestId, boolean citizenView) {
        return jdbc.sql("""
                SELECT at, kind, from_status, to_status, actor_role, actor_agency, actor_subject, note, visible_to_citizen
                FROM request_timeline WHERE request_id = ? AND (visible_to_citizen OR NOT ?) ORDER BY at, id
                """)
                .params(requestId, citizenView)
                .query((rs, n) -> new TimelineEntry(rs.getTimestamp(1).toInstant(), TimelineEntry.Kind.valueOf(rs.getString(2)),
                        status(rs.getString(3)), status(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getBoolean(9)))
                .list();
    }

    /** The request an event of ours was about. */
    Optional<UUID> requestOfEvent(String eventId) {
        return jdbc.sql("SELECT request_id FROM request_event WHERE event_id = ?").param(eventId).query(UUID.class).optional();
    }

    // ---- submission keys -------------------------------------------------------------------------

    /** A submission key as stored. */
    record SubmissionKey(String bodyHash, UUID requestId, String responseJson) {
    }

    Optional<SubmissionKey> findKey(String citizen, String key) {
        return jdbc.sql("SELECT body_hash, request_id, response_json FROM submission_key WHERE citizen_subject = ? AND idempotency_key = ?")
                .params(citizen, key)
                .query((rs, n) -> new SubmissionKey(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)))
                .optional();
    }

    /**
     * Claims a key for this submission. Inserted first: a concurrent claim of the same key waits here
     * until the first transaction ends, and then finds the key taken (false).
     */
    boolean claimKey(String citizen, String key, String bodyHash, Instant at) {
        return jdbc.sql("""
                INSERT INTO submission_key (citizen_subject, idempotency_key, body_hash, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (citizen_subject, idempotency_key) DO NOTHING
                """).params(citizen, key, bodyHash, ts(at)).update() == 1;
    }

    void completeKey(String citizen, String key, UUID requestId, String responseJson) {
        jdbc.sql("UPDATE submission_key SET request_id = ?, response_json = ? WHERE citizen_subject = ? AND idempotency_key = ?")
                .params(requestId, responseJson, citizen, key).update();
    }

    int purgeKeysBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM submission_key WHERE created_at < ?").param(ts(cutoff)).update();
    }

    // ---- mapping ---------------------------------------------------------------------------------

    private static Request map(ResultSet rs, int row) throws SQLException {
        long fee = rs.getLong("fee_amount_minor");
        Long feeMinor = rs.wasNull() ? null : fee;
        ServiceSnapshot service = new ServiceSnapshot(rs.getObject("service_id", UUID.class), rs.getInt("service_version"),
                rs.getString("agency_code"), rs.getString("service_name_sw"), rs.getString("service_name_en"),
                feeMinor, rs.getString("fee_currency"), rs.getInt("sla_working_days"));
        SlaClock clock = new SlaClock(rs.getObject("due_date", LocalDate.class), instant(rs.getTimestamp("paused_since")),
                rs.getInt("paused_working_days"));
        return new Request(rs.getObject("id", UUID.class), new TrackingNumber(rs.getString("tracking_number")),
                rs.getString("citizen_subject"), rs.getString("citizen_phone"), Channel.of(rs.getString("channel")),
                service, rs.getString("answers"), RequestStatus.valueOf(rs.getString("status")), rs.getInt("version"),
                rs.getString("assignee_subject"), instant(rs.getTimestamp("submitted_at")),
                instant(rs.getTimestamp("updated_at")), clock, instant(rs.getTimestamp("decided_at")),
                rs.getString("outcome_reference"), rs.getString("visible_note"), instant(rs.getTimestamp("sla_breached_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String name(RequestStatus s) {
        return s == null ? null : s.name();
    }

    private static RequestStatus status(String s) {
        return s == null ? null : RequestStatus.valueOf(s);
    }
}
