package io.huduma.catalog.agencyapi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AgencyApiRepository {

    private final JdbcClient jdbc;

    AgencyApiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AgencyApi> all() {
        return jdbc.sql("SELECT * FROM agency_apis ORDER BY agency_code, name").query(AgencyApiRepository::map).list();
    }

    List<AgencyApi> byAgency(String agencyCode) {
        return jdbc.sql("SELECT * FROM agency_apis WHERE agency_code = ? ORDER BY name").param(agencyCode)
                .query(AgencyApiRepository::map).list();
    }

    Optional<AgencyApi> lock(String agencyCode, String name) {
        return jdbc.sql("SELECT * FROM agency_apis WHERE agency_code = ? AND name = ? FOR UPDATE").params(agencyCode, name)
                .query(AgencyApiRepository::map).optional();
    }

    Optional<AgencyApi> find(String agencyCode, String name) {
        return jdbc.sql("SELECT * FROM agency_apis WHERE agency_code = ? AND name = ?").params(agencyCode, name)
                .query(AgencyApiRepository::map).optional();
    }

    void insert(AgencyApi api) {
        jdbc.sql("""
                INSERT INTO agency_apis (id, agency_code, name, upstream, access_policy, required_scopes,
                                         rate_limit_per_minute, timeout_millis, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(api.id(), api.agencyCode(), api.name(), api.upstream(), api.accessPolicy().name(),
                        api.requiredScopes().toArray(String[]::new), api.rateLimitPerMinute(), api.timeoutMillis(),
                        api.status().name())
                .update();
    }

    void update(AgencyApi api) {
        jdbc.sql("""
                UPDATE agency_apis SET upstream = ?, access_policy = ?, required_scopes = ?, rate_limit_per_minute = ?,
                       timeout_millis = ?, status = ?, updated_at = now()
                WHERE id = ?""")
                .params(api.upstream(), api.accessPolicy().name(), api.requiredScopes().toArray(String[]::new),
                        api.rateLimitPerMinute(), api.timeoutMillis(), api.status().name(), api.id())
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM agency_apis WHERE id = ?").param(id).update();
    }

    private static AgencyApi map(ResultSet rs, int row) throws SQLException {
        return new AgencyApi(rs.getObject("id", UUID.class), rs.getString("agency_code"), rs.getString("name"),
                rs.getString("upstream"), AgencyApi.AccessPolicy.valueOf(rs.getString("access_policy")),
                Arrays.asList((String[]) rs.getArray("required_scopes").getArray()), rs.getInt("rate_limit_per_minute"),
                rs.getInt("timeout_millis"), AgencyApi.Status.valueOf(rs.getString("status")));
    }
}
