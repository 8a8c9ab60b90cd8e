package io.huduma.identity.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.huduma.identity.code.CodeHash;
import io.huduma.identity.code.CodeStatus;
import io.huduma.identity.code.PendingCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PhoneChangeRepository {

    /** A change of number waiting for the code sent to the new number. */
    record PhoneChange(UUID id, String subject, String phone, PendingCode code, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    PhoneChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PhoneChange change) {
        jdbc.sql("""
                INSERT INTO phone_changes (id, subject, phone, code_hash, code_salt, code_expires_at, failed_attempts,
                                           status, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(change.id(), change.subject(), change.phone(), change.code().hash().hash(),
                        change.code().hash().salt(), Timestamp.from(change.code().expiresAt()),
                        change.code().failedAttempts(), change.code().status().name(), Timestamp.from(change.expiresAt()))
                .update();
    }

    /** The caller's own live change, locked; another person's is as absent as a missing one. */
    Optional<PhoneChange> lockLive(UUID id, String subject, Instant now) {
        return jdbc.sql("SELECT * FROM phone_changes WHERE id = ? AND subject = ? AND expires_at > ? FOR UPDATE")
                .params(id, subject, Timestamp.from(now)).query(PhoneChangeRepository::map).optional();
    }

    void updateCode(UUID id, PendingCode code) {
        jdbc.sql("UPDATE phone_changes SET failed_attempts = ?, status = ? WHERE id = ?")
                .params(code.failedAttempts(), code.status().name(), id).update();
    }

    int purgeExpired(Instant now) {
        return jdbc.sql("DELETE FROM phone_changes WHERE expires_at <= ?").param(Timestamp.from(now)).update();
    }

    private static PhoneChange map(ResultSet rs, int row) throws SQLException {
        return new PhoneChange(rs.getObject("id", UUID.class), rs.getString("subject"), rs.getString("phone"),
                new PendingCode(new CodeHash(rs.getString("code_hash"), rs.getString("code_salt")),
                        rs.getTimestamp("code_expires_at").toInstant(), rs.getInt("failed_attempts"),
                        CodeStatus.valueOf(rs.getString("status"))),
                rs.getTimestamp("expires_at").toInstant());
    }
}
