package io.huduma.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.huduma.testkit.JsonHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.huduma.testkit.Infra;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Base of identity's feature ITs: one Spring context (shared with the start-up IT) on the build's
 * real PostgreSQL, Kafka, Keycloak and Eureka; codes captured by {@link SendOtpDouble}; output captured
 * so a test can prove a code never reached a log line. Accounts a test creates in the shared Keycloak
 * are deleted after its class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = IdentityTestContext.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class IdentityIT {

    static final String PASSWORD = "Mlima-Kilimanjaro#5895";
    static final SendOtpDouble SMS = SendOtpDouble.INSTANCE;
    private static final Set<String> CREATED_USERS = ConcurrentHashMap.newKeySet();
    private static Keycloak admin;

    @LocalServerPort
    int port;

    @LocalGrpcPort
    int grpcPort;

    @Autowired
    JdbcClient jdbc;

    JsonHttp http() {
        return new JsonHttp(port);
    }

    /** Keycloak's master-realm administrator (the test's own view of the realm, not identity's). */
    static synchronized RealmResource realm() {
        if (admin == null) {
            admin = Keycloak.getInstance(Infra.keycloakUrl(), "master", Infra.keycloakAdminUsername(),
                    Infra.keycloakAdminPassword(), "admin-cli");
        }
        return admin.realm("huduma");
    }

    static void forgetAfterClass(String subject) {
        CREATED_USERS.add(subject);
    }

    @AfterAll
    static void deleteCreatedUsers() {
        for (String subject : CREATED_USERS) {
            try {
                realm().users().delete(subject).close();
            } catch (RuntimeException alreadyGone) {
                // nothing to clean
            }
        }
        CREATED_USERS.clear();
    }

    /** A fresh Tanzanian mobile number nobody has used: {@code +255712xxxxxx}. */
    static String newPhone() {
        return "+255712" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    /** A client address of its own, passed as X-Forwarded-For (believed from the loopback proxy). */
    static Map<String, String> fromNewAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return Map.of("X-Forwarded-For", "198.51." + r.nextInt(256) + "." + (1 + r.nextInt(254)));
    }

    static Map<String, Object> signUpForm(String typedPhone) {
        return Map.of("phoneNumber", typedPhone, "fullName", "Asha Juma Mollel", "password", PASSWORD, "language", "sw");
    }

    /** Starts a sign-up and returns its answer (expects 201). */
    JsonHttp.Response startSignUp(String typedPhone) {
        JsonHttp.Response started = http().post("/api/v1/identity/registrations", null, signUpForm(typedPhone), fromNewAddress());
        assertThat(started.status()).as("%s", started).isEqualTo(201);
        return started;
    }

    /** A citizen signed up and verified through the API; returns the subject. */
    String signedUpCitizen(String phone) {
        String id = startSignUp(phone).text("id");
        JsonHttp.Response verified = http().post("/api/v1/identity/registrations/" + id + "/verification", null,
                Map.of("code", SMS.lastCodeTo(phone)));
        assertThat(verified.status()).as("%s", verified).isEqualTo(201);
        String subject = verified.text("subject");
        forgetAfterClass(subject);
        return subject;
    }

    /** Moves the codes sent to {@code phone} a minute into the past, as if the caller had waited. */
    void waitAMinuteFor(String phone) {
        jdbc.sql("UPDATE code_sends SET sent_at = sent_at - interval '61 seconds' WHERE phone = ?").param(phone).update();
    }

    static String tokenOf(String username, String password) {
        return Tokens.forUserWithPassword(username, password);
    }

    /** Fails when {@code code} appears in any row of identity's database (outbox envelopes included). */
    void assertNotStoredAnywhere(String code) {
        Pattern standalone = Pattern.compile("(?<![0-9a-fA-F])" + code + "(?![0-9a-fA-F])");
        List<String> tables = jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                .query(String.class).list();
        assertThat(tables).contains("registrations", "outbox_event", "code_sends");
        for (String table : tables) {
            List<String> rows = jdbc.sql("SELECT t::text FROM \"" + table + "\" t").query(String.class).list();
            for (String row : rows) {
                assertThat(standalone.matcher(row).find()).as("code found in %s: %s", table, row).isFalse();
            }
        }
        for (byte[] envelope : jdbc.sql("SELECT envelope FROM outbox_event").query(byte[].class).list()) {
            assertThat(new String(envelope, StandardCharsets.ISO_8859_1)).doesNotContain(code);
        }
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
