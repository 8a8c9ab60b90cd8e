package io.huduma.requests.opendata;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads only the columns open statistics need: never a citizen, an answer or a note. */
@Repository
class StatisticsRepository {

    private final JdbcClient jdbc;

    StatisticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Decision> all() {
        return jdbc.sql("""
                SELECT agency_code, service_id, service_name_sw, service_name_en, submitted_at, status, decided_at,
                       due_date, paused_working_days
                FROM request ORDER BY submitted_at, id
                """)
                .query((rs, n) -> {
                    Timestamp decided = rs.getTimestamp(7);
                    return new Decision(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), rs.getString(6), decided == null ? null : decided.toInstant(),
                            rs.getObject(8, LocalDate.class), rs.getInt(9));
                })
                .list();
    }
}
