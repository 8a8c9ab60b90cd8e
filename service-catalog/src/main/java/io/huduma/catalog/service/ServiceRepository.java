package io.huduma.catalog.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ServiceRepository {

    private static final String VERSION_QUERY = """
            SELECT v.service_id, v.version, v.content, v.published_at, s.agency_code, s.slug, s.status, s.current_version
            FROM service_versions v JOIN services s ON s.id = v.service_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ServiceRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID id, String agencyCode, String slug, ServiceContent draft, String by) {
        jdbc.sql("""
                INSERT INTO services (id, agency_code, slug, status, draft, draft_updated_at, draft_updated_by)
                VALUES (?, ?, ?, 'DRAFT', ?::jsonb, now(), ?)""")
                .params(id, agencyCode, slug, json.writeValueAsString(draft), by)
                .update();
    }

    boolean slugTaken(String agencyCode, String slug) {
        return jdbc.sql("SELECT count(*) FROM services WHERE agency_code = ? AND slug = ?")
                .params(agencyCode, slug).query(Integer.class).single() > 0;
    }

    Optional<PublicService> find(UUID id) {
        return jdbc.sql("SELECT * FROM services WHERE id = ?").param(id).query(this::mapService).optional();
    }

    /** The service, locked until the transaction ends, so publications of one service never interleave. */
    Optional<PublicService> lock(UUID id) {
        return jdbc.sql("SELECT * FROM services WHERE id = ? FOR UPDATE").param(id).query(this::mapService).optional();
    }

    List<PublicService> byAgency(String agencyCode) {
        return jdbc.sql("SELECT * FROM services WHERE agency_code = ? ORDER BY slug").param(agencyCode)
                .query(this::mapService).list();
    }

    void saveDraft(UUID id, ServiceContent draft, String by) {
        jdbc.sql("UPDATE services SET draft = ?::jsonb, draft_updated_at = now(), draft_updated_by = ?, updated_at = now() WHERE id = ?")
                .params(json.writeValueAsString(draft), by, id)
                .update();
    }

    void insertVersion(UUID id, int version, ServiceContent content, String by) {
        jdbc.sql("""
                INSERT INTO service_versions (service_id, version, content, published_by, name_sw, name_en,
                                              description_sw, description_en, category, channels)
                VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, version, json.writeValueAsString(content), by, content.name().sw(), content.name().en(),
                        content.description().sw(), content.description().en(), content.category(),
                        content.channels().stream().map(Channel::json).sorted().toArray(String[]::new))
                .update();
    }

    /** The draft becomes version {@code version}: no draft is left pending. */
    void markPublished(UUID id, int version) {
        jdbc.sql("""
                UPDATE services SET status = 'PUBLISHED', current_version = ?, draft = NULL, draft_updated_at = NULL,
                       draft_updated_by = NULL, updated_at = now()
                WHERE id = ?""")
                .params(version, id)
                .update();
    }

    void markRetired(UUID id) {
        jdbc.sql("""
                UPDATE services SET status = 'RETIRED', draft = NULL, draft_updated_at = NULL, draft_updated_by = NULL,
                       updated_at = now()
                WHERE id = ?""")
                .param(id)
                .update();
    }

    Optional<ServiceVersion> findVersion(UUID id, int version) {
        return jdbc.sql(VERSION_QUERY + " WHERE v.service_id = ? AND v.version = ?").params(id, version)
                .query(this::mapVersion).optional();
    }

    Optional<ServiceVersion> findLatest(UUID id) {
        return jdbc.sql(VERSION_QUERY + " WHERE v.service_id = ? AND v.version = s.current_version").param(id)
                .query(this::mapVersion).optional();
    }

    List<ServiceVersion> latestOf(String agencyCode, Channel channel) {
        String ch = channel == null ? "" : channel.json();
        return jdbc.sql(VERSION_QUERY + """
                 WHERE s.agency_code = ? AND s.status = 'PUBLISHED' AND v.version = s.current_version
                   AND (? = '' OR ? = ANY (v.channels))
                ORDER BY s.slug""")
                .params(agencyCode, ch, ch).query(this::mapVersion).list();
    }

    List<String> agenciesOpenTo(Channel channel) {
        String ch = channel == null ? "" : channel.json();
        return jdbc.sql("""
                SELECT DISTINCT s.agency_code FROM services s JOIN service_versions v
                  ON v.service_id = s.id AND v.version = s.current_version
                WHERE s.status = 'PUBLISHED' AND (? = '' OR ? = ANY (v.channels))
                ORDER BY s.agency_code""")
                .params(ch, ch).query(String.class).list();
    }

    List<VersionSummary> versions(UUID id) {
        return jdbc.sql("SELECT version, published_at FROM service_versions WHERE service_id = ? ORDER BY version")
                .param(id)
                .query((rs, row) -> new VersionSummary(rs.getInt("version"), instant(rs, "published_at")))
                .list();
    }

    /** A version number and when it was published. */
    record VersionSummary(int version, Instant publishedAt) {
    }

    private PublicService mapService(ResultSet rs, int row) throws SQLException {
        String draft = rs.getString("draft");
        return new PublicService(rs.getObject("id", UUID.class), rs.getString("agency_code"), rs.getString("slug"),
                ServiceStatus.valueOf(rs.getString("status")),
                draft == null ? null : json.readValue(draft, ServiceContent.class),
                instant(rs, "draft_updated_at"), rs.getString("draft_updated_by"),
                (Integer) rs.getObject("current_version"), instant(rs, "created_at"));
    }

    private ServiceVersion mapVersion(ResultSet rs, int row) throws SQLException {
        return new ServiceVersion(rs.getObject("service_id", UUID.class), rs.getInt("version"), rs.getString("agency_code"),
                rs.getString("slug"), json.readValue(rs.getString("content"), ServiceContent.class),
                instant(rs, "published_at"), ServiceStatus.valueOf(rs.getString("status")), rs.getInt("current_version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
