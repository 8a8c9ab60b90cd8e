package io.huduma.identity.code;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of codes sent, counted for throttling (it holds no code). */
@Repository
class CodeSendRepository {

    private final JdbcClient jdbc;

    CodeSendRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises sends to one number across transactions and instances, so counts cannot be raced past. */
    void lockNumber(String phone) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('code-send|' || ?))").param(phone).query().singleRow();
    }

    void lockAddress(String address) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('code-address|' || ?))").param(address).query().singleRow();
    }

    Optional<Instant> lastToNumber(String phone) {
        return jdbc.sql("SELECT max(sent_at) FROM code_sends WHERE phone = ?").param(phone)
                .query(Instant.class).optional();
    }

    /** The sends to a number since {@code since}: how many, and the oldest. */
    Window toNumberSince(String phone, Instant since) {
        return jdbc.sql("SELECT count(*) AS n, min(sent_at) AS oldest FROM code_sends WHERE phone = ? AND sent_at > ?")
                .params(phone, java.sql.Timestamp.from(since))
                .query((rs, row) -> new Window(rs.getInt("n"), toInstant(rs.getTimestamp("oldest")))).single();
    }

    /** The new starts from a client address since {@code since}. */
    Window startsFromAddressSince(String address, Instant since) {
        return jdbc.sql("""
                SELECT count(*) AS n, min(sent_at) AS oldest FROM code_sends
                WHERE client_address = ? AND sent_at > ? AND purpose NOT LIKE '%-resend'""")
                .params(address, java.sql.Timestamp.from(since))
                .query((rs, row) -> new Window(rs.getInt("n"), toInstant(rs.getTimestamp("oldest")))).single();
    }

    void record(String phone, String address, String purpose, Instant at) {
        jdbc.sql("INSERT INTO code_sends (phone, client_address, purpose, sent_at) VALUES (?, ?, ?, ?)")
                .params(phone, address, purpose, java.sql.Timestamp.from(at)).update();
    }

    int purgeBefore(Instant before) {
        return jdbc.sql("DELETE FROM code_sends WHERE sent_at < ?").param(java.sql.Timestamp.from(before)).update();
    }

    record Window(int count, Instant oldest) {
    }

    private static Instant toInstant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
