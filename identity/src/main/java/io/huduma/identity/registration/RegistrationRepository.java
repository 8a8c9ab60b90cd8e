package io.huduma.identity.registration;

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
class RegistrationRepository {

    private final JdbcClient jdbc;

    RegistrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Registration r) {
        jdbc.sql("""
                INSERT INTO registrations (id, phone, full_name, email, language, password_hash, code_hash, code_salt,
                                           code_expires_at, failed_attempts, status, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.phone(), r.fullName(), r.email(), r.language(), r.passwordHash(),
                        r.code().hash().hash(), r.code().hash().salt(), Timestamp.from(r.code().expiresAt()),
                        r.code().failedAttempts(), r.code().status().name(), Timestamp.from(r.expiresAt()))
                .update();
    }

    /** A registration that has not expired, locked for the rest of the transaction. */
    Optional<Registration> lockLive(UUID id, Instant now) {
        return jdbc.sql("SELECT * FROM registrations WHERE id = ? AND expires_at > ? FOR UPDATE")
                .params(id, Timestamp.from(now)).query(RegistrationRepository::map).optional();
    }

    void updateCode(UUID id, PendingCode code) {
        jdbc.sql("""
                UPDATE registrations SET code_hash = ?, code_salt = ?, code_expires_at = ?, failed_attempts = ?, status = ?
                WHERE id = ?""")
                .params(code.hash().hash(), code.hash().salt(), Timestamp.from(code.expiresAt()), code.failedAttempts(),
                        code.status().name(), id)
                .update();
    }

    /** Verified: the account exists, so the password hash is dropped at once. */
    void markVerified(UUID id, String subject) {
        jdbc.sql("UPDATE registrations SET status = 'VERIFIED', subject = ?, password_hash = NULL WHERE id = ?")
                .params(subject, id).update();
    }

    int purgeExpired(Instant now) {
        return jdbc.sql("DELETE FROM registrations WHERE expires_at <= ?").param(Timestamp.from(now)).update();
    }

    private static Registration map(ResultSet rs, int row) throws SQLException {
        PendingCode code = new PendingCode(new CodeHash(rs.getString("code_hash"), rs.getString("code_salt")),
                rs.getTimestamp("code_expires_at").toInstant(), rs.getInt("failed_attempts"),
                CodeStatus.valueOf(rs.getString("status")));
        return new Registration(rs.getObject("id", UUID.class), rs.getString("phone"), rs.getString("full_name"),
                rs.getString("email"), rs.getString("language"), rs.getString("password_hash"), code,
                rs.getString("subject"), rs.getTimestamp("expires_at").toInstant());
    }
}
