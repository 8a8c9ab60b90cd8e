package io.huduma.ussd.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.huduma.ussd.menu.SessionState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Live USSD sessions in PostgreSQL, so any replica can answer the next callback of a session. */
@Repository
class SessionRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SessionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A live session, locked until the transaction ends so two callbacks of one session never interleave. */
    Optional<StoredSession> lock(String sessionId, Instant now) {
        return jdbc.sql("SELECT * FROM ussd_session WHERE session_id = ? AND expires_at > ? FOR UPDATE")
                .params(sessionId, Timestamp.from(now))
                .query(this::map).optional();
    }

    /** Inserts a new session; false when a session with that id exists already (a concurrent first callback). */
    boolean insert(StoredSession session) {
        // an expired row of the same id (not purged yet) makes way for the new session
        jdbc.sql("DELETE FROM ussd_session WHERE session_id = ? AND expires_at <= now()").param(session.sessionId()).update();
        return jdbc.sql("""
                INSERT INTO ussd_session (session_id, phone, state, inputs_seen, last_screen, expires_at)
                VALUES (?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING""")
                .params(session.sessionId(), session.phone(), json.writeValueAsString(session.state()),
                        session.inputsSeen(), session.lastScreen(), Timestamp.from(session.expiresAt()))
                .update() == 1;
    }

    void update(StoredSession session) {
        jdbc.sql("UPDATE ussd_session SET state = ?::jsonb, inputs_seen = ?, last_screen = ?, expires_at = ? WHERE session_id = ?")
                .params(json.writeValueAsString(session.state()), session.inputsSeen(), session.lastScreen(),
                        Timestamp.from(session.expiresAt()), session.sessionId())
                .update();
    }

    void delete(String sessionId) {
        jdbc.sql("DELETE FROM ussd_session WHERE session_id = ?").param(sessionId).update();
    }

    int purgeExpired(Instant now) {
        return jdbc.sql("DELETE FROM ussd_session WHERE expires_at <= ?").param(Timestamp.from(now)).update();
    }

    private StoredSession map(ResultSet rs, int row) throws SQLException {
        return new StoredSession(rs.getString("session_id"), rs.getString("phone"),
                json.readValue(rs.getString("state"), SessionState.class), rs.getInt("inputs_seen"),
                rs.getString("last_screen"), rs.getTimestamp("expires_at").toInstant());
    }
}
