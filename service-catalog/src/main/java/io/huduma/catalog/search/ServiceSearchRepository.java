package io.huduma.catalog.search;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.huduma.catalog.language.LocalizedText;
import io.huduma.platform.language.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Full-text search over the latest published version of every service of an active agency.
 *
 * <p>A service matches when the English stemmed prefix query, the Swahili folded prefix query or
 * the trigram word similarity of its names (for typos) matches. The score adds the three: text
 * rank (names weigh more than descriptions) and name similarity, so an exact name beats a word
 * in a description, and a near-miss spelling of a name still ranks that service first.
 */
@Repository
class ServiceSearchRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ServiceSearchRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The filters and page; {@code query} is null for "everything", listed by name. */
    record Criteria(SearchQuery query, String agency, String category, String channel, Language lang, int page, int size) {
    }

    /** One service in a result list, with both languages so the caller picks one. */
    record Hit(UUID id, int version, String agencyCode, LocalizedText agencyName, String slug, LocalizedText name,
               LocalizedText description, String category, List<String> channels, JsonNode fee, int slaWorkingDays,
               double score) {
    }

    record Page(List<Hit> hits, long total) {
    }

    Page search(Criteria criteria) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder from = new StringBuilder();
        String score = "0.0";
        if (criteria.query() != null) {
            from.append("""
                    FROM (SELECT to_tsquery('english', :en) AS en, to_tsquery('swahili_simple', :sw) AS sw,
                                 catalog_fold(:text) AS folded) q,
                    """);
            score = "ts_rank(v.search_en, q.en) + ts_rank(v.search_sw, q.sw) + word_similarity(q.folded, v.names_folded)";
            params.put("en", criteria.query().english());
            params.put("sw", criteria.query().swahili());
            params.put("text", criteria.query().text());
        } else {
            from.append("FROM ");
        }
        from.append("""
                     services s
                JOIN service_versions v ON v.service_id = s.id AND v.version = s.current_version
                JOIN agencies a ON a.code = s.agency_code AND a.status = 'ACTIVE'
                WHERE s.status = 'PUBLISHED'
                """);
        if (criteria.query() != null) {
            from.append(" AND (v.search_en @@ q.en OR v.search_sw @@ q.sw OR q.folded <% v.names_folded)\n");
        }
        if (criteria.agency() != null) {
            from.append(" AND s.agency_code = :agency\n");
            params.put("agency", criteria.agency());
        }
        if (criteria.category() != null) {
            from.append(" AND v.category = :category\n");
            params.put("category", criteria.category());
        }
        if (criteria.channel() != null) {
            from.append(" AND v.channels @> ARRAY[CAST(:channel AS text)]\n");
            params.put("channel", criteria.channel());
        }
        long total = jdbc.sql("SELECT count(*) " + from).params(params).query(Long.class).single();
        String nameColumn = criteria.lang() == Language.EN ? "v.name_en" : "v.name_sw";
        // the id breaks ties, so pages never overlap or skip when scores or names are equal
        String page = """
                SELECT s.id, v.version, s.agency_code, a.name_sw AS agency_name_sw, a.name_en AS agency_name_en, s.slug,
                       v.name_sw, v.name_en, v.description_sw, v.description_en, v.category, v.channels,
                       v.content -> 'fee' AS fee, (v.content ->> 'slaWorkingDays')::int AS sla_working_days,
                       %s AS score
                %s ORDER BY score DESC, lower(%s), s.id LIMIT :size OFFSET :offset""".formatted(score, from, nameColumn);
        params.put("size", criteria.size());
        params.put("offset", (long) criteria.page() * criteria.size());
        List<Hit> hits = jdbc.sql(page).params(params).query((rs, row) -> map(rs)).list();
        return new Page(hits, total);
    }

    private Hit map(ResultSet rs) throws SQLException {
        String fee = rs.getString("fee");
        Array channels = rs.getArray("channels");
        return new Hit(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getString("agency_code"),
                new LocalizedText(rs.getString("agency_name_sw"), rs.getString("agency_name_en")), rs.getString("slug"),
                new LocalizedText(rs.getString("name_sw"), rs.getString("name_en")),
                new LocalizedText(rs.getString("description_sw"), rs.getString("description_en")),
                rs.getString("category"), Arrays.asList((String[]) channels.getArray()),
                fee == null || "null".equals(fee) ? null : json.readTree(fee), rs.getInt("sla_working_days"),
                rs.getDouble("score"));
    }
}
