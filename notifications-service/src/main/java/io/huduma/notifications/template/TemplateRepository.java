package io.huduma.notifications.template;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Templates in PostgreSQL (table {@code template}). */
@Repository
class TemplateRepository {

    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Template> all() {
        return jdbc.sql("SELECT * FROM template ORDER BY kind, channel, language").query(TemplateRepository::map).list();
    }

    Optional<Template> find(String kind, String channel, String language) {
        return jdbc.sql("SELECT * FROM template WHERE kind = ? AND channel = ? AND language = ?")
                .params(kind, channel, language).query(TemplateRepository::map).optional();
    }

    /** Replaces the texts of an existing template; false when there is none. */
    boolean update(Template template, String editor) {
        return jdbc.sql("""
                UPDATE template SET subject_line = ?, body = ?, html = ?, version = version + 1, updated_at = now(),
                       updated_by = ?
                 WHERE kind = ? AND channel = ? AND language = ?
                """).params(template.subjectLine(), template.body(), template.html(), editor, template.kind(),
                template.channel(), template.language()).update() == 1;
    }

    private static Template map(ResultSet rs, int row) throws SQLException {
        return new Template(rs.getString("kind"), rs.getString("channel"), rs.getString("language"),
                rs.getString("subject_line"), rs.getString("body"), rs.getString("html"), rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
