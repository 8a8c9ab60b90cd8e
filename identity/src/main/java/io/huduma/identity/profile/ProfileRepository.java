package io.huduma.identity.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ProfileRepository {

    private final JdbcClient jdbc;

    ProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Profile> find(String subject) {
        return jdbc.sql("SELECT * FROM profiles WHERE subject = ?").param(subject).query(ProfileRepository::map).optional();
    }

    Optional<Profile> lock(String subject) {
        return jdbc.sql("SELECT * FROM profiles WHERE subject = ? FOR UPDATE").param(subject)
                .query(ProfileRepository::map).optional();
    }

    /** Inserts a profile unless one exists; true when this call inserted it. */
    public boolean insert(Profile profile) {
        Preferences p = profile.preferences();
        return jdbc.sql("""
                INSERT INTO profiles (subject, display_name, phone, email, language, sms_request_updates, sms_reminders,
                                      email_request_updates, email_reminders)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (subject) DO NOTHING""")
                .params(profile.subject(), profile.displayName(), profile.phone(), profile.email(), profile.language(),
                        p.smsRequestUpdates(), p.smsReminders(), p.emailRequestUpdates(), p.emailReminders())
                .update() == 1;
    }

    void update(Profile profile) {
        Preferences p = profile.preferences();
        jdbc.sql("""
                UPDATE profiles SET display_name = ?, phone = ?, email = ?, language = ?, sms_request_updates = ?,
                       sms_reminders = ?, email_request_updates = ?, email_reminders = ?, version = ?, updated_at = now()
                WHERE subject = ?""")
                .params(profile.displayName(), profile.phone(), profile.email(), profile.language(),
                        p.smsRequestUpdates(), p.smsReminders(), p.emailRequestUpdates(), p.emailReminders(),
                        profile.version(), profile.subject())
                .update();
    }

    private static Profile map(ResultSet rs, int row) throws SQLException {
        return new Profile(rs.getString("subject"), rs.getString("display_name"), rs.getString("phone"),
                rs.getString("email"), rs.getString("language"),
                new Preferences(rs.getBoolean("sms_request_updates"), rs.getBoolean("sms_reminders"),
                        rs.getBoolean("email_request_updates"), rs.getBoolean("email_reminders")),
                rs.getInt("version"));
    }
}
