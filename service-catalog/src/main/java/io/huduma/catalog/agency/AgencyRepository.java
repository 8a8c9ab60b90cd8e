package io.huduma.catalog.agency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.huduma.catalog.language.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AgencyRepository {

    private final JdbcClient jdbc;

    AgencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Agency> find(String code) {
        return jdbc.sql("SELECT * FROM agencies WHERE code = ?").param(code).query(AgencyRepository::map).optional();
    }

    /** Locks the row for the rest of the transaction, so concurrent updates apply one after the other. */
    Optional<Agency> lock(String code) {
        return jdbc.sql("SELECT * FROM agencies WHERE code = ? FOR UPDATE").param(code).query(AgencyRepository::map).optional();
    }

    List<Agency> all(boolean includeSuspended) {
        return jdbc.sql("SELECT * FROM agencies WHERE status = 'ACTIVE' OR :all ORDER BY code")
                .param("all", includeSuspended)
                .query(AgencyRepository::map).list();
    }

    boolean exists(String code) {
        return jdbc.sql("SELECT count(*) FROM agencies WHERE code = ?").param(code).query(Integer.class).single() > 0;
    }

    void insert(Agency agency) {
        jdbc.sql("""
                INSERT INTO agencies (code, name_sw, name_en, contact_email, contact_phone, website, status)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(agency.code(), agency.name().sw(), agency.name().en(), agency.contactEmail(),
                        agency.contactPhone(), agency.website(), agency.status().name())
                .update();
    }

    void update(Agency agency) {
        jdbc.sql("""
                UPDATE agencies SET name_sw = ?, name_en = ?, contact_email = ?, contact_phone = ?, website = ?,
                       status = ?, updated_at = now()
                WHERE code = ?""")
                .params(agency.name().sw(), agency.name().en(), agency.contactEmail(), agency.contactPhone(),
                        agency.website(), agency.status().name(), agency.code())
                .update();
    }

    private static Agency map(ResultSet rs, int row) throws SQLException {
        return new Agency(rs.getString("code"), new LocalizedText(rs.getString("name_sw"), rs.getString("name_en")),
                rs.getString("contact_email"), rs.getString("contact_phone"), rs.getString("website"),
                AgencyStatus.valueOf(rs.getString("status")));
    }
}
