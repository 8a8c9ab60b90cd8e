package io.huduma.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** A real PostgreSQL 17 server from the zonky binaries jar, one per devstack. */
final class PostgresServer implements AutoCloseable {

    static final String USER = "postgres";
    /** The server trusts loopback connections; the password only satisfies clients that insist on one. */
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts a fresh cluster in {@code dataDirectory} on {@code port} and creates {@code databases}. */
    static PostgresServer start(Path dataDirectory, int port, List<String> databases) throws IOException, SQLException {
        Files.createDirectories(dataDirectory.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                // the devstack stops the server itself, after the services that use it
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // every Spring test context gets its own database and connection pool
                .setServerConfig("max_connections", "500")
                // throw-away data: durability costs time and buys nothing here
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        PostgresServer server = new PostgresServer(postgres, dataDirectory);
        server.createDatabases(databases);
        return server;
    }

    /** JDBC URL of the maintenance database {@code postgres}. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    int port() {
        return postgres.getPort();
    }

    /** PID of the postmaster, so {@code huduma infra down} can clean up after a killed devstack. */
    OptionalLong pid() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Restarts the server on the same port and data directory ({@code pg_ctl restart -m fast}: sessions are
     * cut, a checkpoint is written, so every committed transaction survives even with {@code fsync} off).
     * From then on the server logs to {@code <data directory>.log} beside the data directory.
     */
    void restart() throws IOException, InterruptedException {
        long pid = pid().orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        Path pgCtl = Path.of("/proc/" + pid + "/exe").toRealPath().resolveSibling("pg_ctl");
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses root: like zonky's own start, in a user namespace of its own
            command.addAll(List.of("unshare", "-U"));
        }
        Path logFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        command.addAll(List.of(pgCtl.toString(), "-D", dataDirectory.toString(), "-l", logFile.toString(),
                "-m", "fast", "-w", "-t", "60", "restart"));
        Process restart = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        if (restart.waitFor() != 0) {
            throw new IllegalStateException("pg_ctl restart failed with status " + restart.exitValue());
        }
    }

    private void createDatabases(List<String> databases) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String database : databases) {
                try (ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (exists.next()) {
                        continue;
                    }
                }
                statement.execute("CREATE DATABASE " + database);
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
