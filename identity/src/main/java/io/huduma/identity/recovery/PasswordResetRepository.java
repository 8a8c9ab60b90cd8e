package io.huduma.identity.recovery;

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
class PasswordResetRepository {

    /** A recovery waiting for its code; {@code subject} null when the number has no account (nothing was sent). */
    record PasswordReset(UUID id, String phone, String subject, PendingCode code, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    PasswordResetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PasswordReset reset) {
        jdbc.sql("""
                INSERT INTO password_resets (id, phone, subject, code_hash, code_salt, code_expires_at, failed_attempts,
                                             status, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reset.id(), reset.phone(), reset.subject(), reset.code().hash().hash(), reset.code().hash().salt(),
                        Timestamp.from(reset.code().expiresAt()), reset.code().failedAttempts(),
                        reset.code().status().name(), Timestamp.from(reset.expiresAt()))
                .update();
    }

    Optional<PasswordReset> lockLive(UUID id, Instant now) {
        return jdbc.sql("SELECT * FROM password_resets WHERE id = ? AND expires_at > ? FOR UPDATE")
                .params(id, Timestamp.from(now)).query(PasswordResetRepository::map).optional();
    }

    void updateCode(UUID id, PendingCode code) {
        jdbc.sql("UPDATE password_resets SET failed_attempts = ?, status = ? WHERE id = ?")
                .params(code.failedAttempts(), code.status().name(), id).update();
    }

    int purgeExpired(Instant now) {
        return jdbc.sql("DELETE FROM password_resets WHERE expires_at <= ?").param(Timestamp.from(now)).update();
    }

    private static PasswordReset map(ResultSet rs, int row) throws SQLException {
        return new PasswordReset(rs.getObject("id", UUID.class), rs.getString("phone"), rs.getString("subject"),
                new PendingCode(new CodeHash(rs.getString("code_hash"), rs.getString("code_salt")),
                        rs.getTimestamp("code_expires_at").toInstant(), rs.getInt("failed_attempts"),
                        CodeStatus.valueOf(rs.getString("status"))),
                rs.getTimestamp("expires_at").toInstant());
    }
}
