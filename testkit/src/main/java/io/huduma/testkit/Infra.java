package io.huduma.testkit;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * Connection details of the one set of real infrastructure the whole build shares
 * (started by {@code ./huduma test} or {@code ./huduma infra up}).
 *
 * <p>Values come from {@code HUDUMA_*} environment variables, or else from the file the
 * devstack writes, {@code <repo>/.huduma/run/infra.env}. A test that needs a component that
 * is not running fails at once with a message that says how to start it.
 */
public final class Infra {

    private static final Properties VALUES = load();

    private Infra() {
    }

    /** JDBC URL of the server's maintenance database ({@code postgres}). */
    public static String postgresUrl() {
        return require("HUDUMA_PG_URL");
    }

    public static String postgresUser() {
        return require("HUDUMA_PG_USER");
    }

    public static String postgresPassword() {
        return require("HUDUMA_PG_PASSWORD");
    }

    /** Kafka bootstrap servers, {@code host:port}. */
    public static String kafkaBootstrapServers() {
        return require("HUDUMA_KAFKA_BOOTSTRAP");
    }

    /** Keycloak base URL, e.g. {@code http://localhost:18180}. */
    public static String keycloakUrl() {
        return require("HUDUMA_KEYCLOAK_URL");
    }

    /** Issuer of the {@code huduma} realm's tokens. */
    public static String issuer() {
        return keycloakUrl() + "/realms/huduma";
    }

    /** User name of Keycloak's bootstrap administrator (master realm), for tests that manage users. */
    public static String keycloakAdminUsername() {
        String value = get("HUDUMA_KEYCLOAK_ADMIN_USER");
        return value != null ? value : "admin";
    }

    public static String keycloakAdminPassword() {
        String value = get("HUDUMA_KEYCLOAK_ADMIN_PASSWORD");
        return value != null ? value : "admin";
    }

    /** Eureka service URL, e.g. {@code http://127.0.0.1:18761/eureka/}, without credentials. */
    public static String eurekaUrl() {
        return require("HUDUMA_EUREKA_URL");
    }

    /**
     * The Eureka service URL as a Spring Cloud Eureka client is configured with it
     * ({@code eureka.client.service-url.defaultZone}): the registry's credentials in its user info.
     */
    public static String eurekaServiceUrl() {
        String user = get("HUDUMA_EUREKA_USER");
        String password = get("HUDUMA_EUREKA_PASSWORD");
        if (user == null || password == null) {
            return eurekaUrl();
        }
        return eurekaUrl().replaceFirst("^(https?://)", "$1"
                + java.util.regex.Matcher.quoteReplacement(user + ":" + password + "@"));
    }

    /**
     * {@code Authorization} header value for a test that calls the registry's REST API itself
     * (registering a fake instance, reading an application), or {@code null} when the running
     * infrastructure has no registry credentials.
     */
    public static String eurekaAuthorization() {
        String user = get("HUDUMA_EUREKA_USER");
        String password = get("HUDUMA_EUREKA_PASSWORD");
        if (user == null || password == null) {
            return null;
        }
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A request to the registry's REST API at {@code path} (relative to {@link #eurekaUrl()}), with its credentials. */
    public static java.net.http.HttpRequest.Builder eurekaRequest(String path) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(eurekaUrl() + path));
        String authorization = eurekaAuthorization();
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    public static String smtpHost() {
        return require("HUDUMA_SMTP_HOST");
    }

    public static int smtpPort() {
        return Integer.parseInt(require("HUDUMA_SMTP_PORT"));
    }

    public static String smppHost() {
        return require("HUDUMA_SMPP_HOST");
    }

    public static int smppPort() {
        return Integer.parseInt(require("HUDUMA_SMPP_PORT"));
    }

    /** Host of the devstack's {@code redis-server} (the gateway's shared rate limiter), or null when none runs. */
    public static String redisHost() {
        return get("HUDUMA_REDIS_HOST");
    }

    /** Port of the devstack's {@code redis-server}, or 0 when none runs. */
    public static int redisPort() {
        String port = get("HUDUMA_REDIS_PORT");
        return port == null || port.isBlank() ? 0 : Integer.parseInt(port);
    }

    /** Base URL of the devstack's inbox HTTP API (mailbox, SMSC inbox, HTTP SMS provider). */
    public static String inboxUrl() {
        return require("HUDUMA_INBOX_URL");
    }

    /**
     * Creates a new, empty database on the shared server and returns its JDBC URL.
     * Each Spring test context gets its own, so test classes never see each other's rows.
     */
    public static String freshDatabase(String prefix) {
        String name = (prefix.replaceAll("[^A-Za-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on " + postgresUrl(), e);
        }
        int slash = postgresUrl().lastIndexOf('/');
        return postgresUrl().substring(0, slash + 1) + name;
    }

    /** A value by key, or null when the shared infrastructure did not publish it. */
    public static String get(String key) {
        String env = System.getenv(key);
        if (env != null && !env.isBlank()) {
            return env;
        }
        return VALUES.getProperty(key);
    }

    static String require(String key) {
        String value = get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " is not set: the shared test infrastructure is not running. "
                    + "Run the tests with ./huduma test, or start it with ./huduma infra up (see README.md).");
        }
        return value;
    }

    private static Properties load() {
        Properties properties = new Properties();
        Path file = envFile();
        if (file != null && Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file, e);
            }
        }
        return properties;
    }

    private static Path envFile() {
        String explicit = System.getenv("HUDUMA_INFRA_ENV");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String root = System.getProperty("huduma.root");
        Path dir = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        // walk up from the module folder to the reactor root
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve(".huduma/run/infra.env");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
