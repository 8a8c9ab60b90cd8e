package io.huduma.requests.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code catalog_service}: what this service knows of each catalogue service's latest version and
 * retirement. Every write is ordered by version: an older publication never replaces a newer one,
 * and a retirement wins over a publication of the same or an earlier version, in whatever order
 * the facts (events or gRPC answers) arrive.
 */
@Repository
class CatalogServiceRepository {

    /** What is known of one service. */
    record Entry(UUID serviceId, String agencyCode, int latestVersion, boolean retired) {
    }

    private final JdbcClient jdbc;

    CatalogServiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(UUID serviceId) {
        return jdbc.sql("SELECT service_id, agency_code, latest_version, status FROM catalog_service WHERE service_id = ?")
                .param(serviceId)
                .query((rs, n) -> new Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        "RETIRED".equals(rs.getString(4))))
                .optional();
    }

    /** A published service of the agency whose English name contains {@code words} (demo data). */
    Optional<UUID> publishedNamed(String agencyCode, String words) {
        return jdbc.sql("SELECT service_id FROM catalog_service WHERE agency_code = ? AND status = 'PUBLISHED' "
                        + "AND name_en ILIKE ? ORDER BY service_id LIMIT 1")
                .params(agencyCode, "%" + words + "%").query(UUID.class).optional();
    }

    /** Records a published version; returns whether it changed anything. */
    boolean published(UUID serviceId, int version, String agencyCode, String nameSw, String nameEn,
                      String eventId, String correlationId, Instant at) {
        return jdbc.sql("""
                INSERT INTO catalog_service (service_id, agency_code, latest_version, name_sw, name_en, status,
                                             last_event_id, correlation_id, updated_at)
                VALUES (?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?)
                ON CONFLICT (service_id) DO UPDATE SET
                    agency_code = excluded.agency_code, latest_version = excluded.latest_version,
                    name_sw = excluded.name_sw, name_en = excluded.name_en,
                    status = CASE WHEN catalog_service.retired_version >= excluded.latest_version
                                  THEN 'RETIRED' ELSE 'PUBLISHED' END,
                    last_event_id = excluded.last_event_id, correlation_id = excluded.correlation_id,
                    updated_at = excluded.updated_at
                WHERE catalog_service.latest_version < excluded.latest_version
                   OR (catalog_service.latest_version = excluded.latest_version AND catalog_service.status = 'PUBLISHED')
                """)
                .params(serviceId, agencyCode, version, nameSw, nameEn, eventId, correlationId, Timestamp.from(at))
                .update() > 0;
    }

    /** Records a retirement at {@code lastVersion}; a retirement is never undone by an older fact. */
    boolean retired(UUID serviceId, int lastVersion, String agencyCode, String nameSw, String nameEn,
                    String eventId, String correlationId, Instant at) {
        return jdbc.sql("""
                INSERT INTO catalog_service (service_id, agency_code, latest_version, retired_version, name_sw, name_en,
                                             status, last_event_id, correlation_id, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'RETIRED', ?, ?, ?)
                ON CONFLICT (service_id) DO UPDATE SET
                    retired_version = GREATEST(COALESCE(catalog_service.retired_version, 0), excluded.retired_version),
                    latest_version = GREATEST(catalog_service.latest_version, excluded.latest_version),
                    status = CASE WHEN excluded.retired_version >= catalog_service.latest_version
                                  THEN 'RETIRED' ELSE catalog_service.status END,
                    last_event_id = excluded.last_event_id, correlation_id = excluded.correlation_id,
                    updated_at = excluded.updated_at
                """)
                .params(serviceId, agencyCode, lastVersion, lastVersion, nameSw, nameEn, eventId, correlationId,
                        Timestamp.from(at))
                .update() > 0;
    }
}
