package io.huduma.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The official Keycloak server distribution, unpacked once from the Maven repository and started as a
 * child process with {@code kc.sh start-dev} on an in-memory database, importing the realms at each start.
 */
final class KeycloakServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path logFile;
    private volatile boolean stopping;
    private volatile boolean frozen;

    private KeycloakServer(Process process, int port, int managementPort, Path logFile) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
    }

    /**
     * Unpacks the distribution zip into {@code installRoot/keycloak-<version>} unless it is there already.
     * It lives outside {@code target/} so Keycloak's one-time build step survives {@code mvn clean}.
     */
    static Path install(Path zip, Path installRoot, String version) throws IOException {
        Path home = installRoot.resolve("keycloak-" + version);
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip
                    + ": build the devstack first (./mvnw -pl devstack install -DskipTests)");
        }
        log.info("Unpacking {} into {}", zip, installRoot);
        Path staging = Files.createDirectories(installRoot).resolve(".unpacking-" + ProcessHandle.current().pid());
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("Zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (entry.getName().endsWith(".sh")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        Files.move(staging.resolve("keycloak-" + version), home, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(staging);
        return home;
    }

    /** Replaces the realm files Keycloak imports at start with {@code realms} (file name to JSON). */
    static void writeImports(Path home, Map<String, String> realms) throws IOException {
        Path imports = Files.createDirectories(home.resolve("data/import"));
        try (var old = Files.list(imports)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        for (Map.Entry<String, String> realm : realms.entrySet()) {
            Files.writeString(imports.resolve(realm.getKey()), realm.getValue());
        }
    }

    /**
     * Puts the common-password list where Keycloak's {@code passwordBlacklist} policy looks for it
     * ({@code data/password-blacklists} of its home), as the cluster's Keycloak gets it from a ConfigMap.
     */
    static void writePasswordBlacklists(Path home, Path list) throws IOException {
        Path dir = Files.createDirectories(home.resolve("data/password-blacklists"));
        Files.copy(list, dir.resolve(list.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Starts Keycloak in the background; call {@link #awaitReady(Duration)} before using it. */
    static KeycloakServer start(Path home, int port, int managementPort, Path logFile) throws IOException {
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--db=dev-mem",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--health-enabled=true",
                // a fixed issuer: tokens fetched through 127.0.0.1 or localhost name the same one
                "--hostname=http://localhost:" + port,
                "--import-realm");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        // the container heuristics of kc.sh must not size the heap from the whole machine
        env.remove("KC_RUN_IN_CONTAINER");
        log.info("Starting Keycloak: {}", String.join(" ", command));
        return new KeycloakServer(builder.start(), port, managementPort, logFile);
    }

    /** Waits until the management interface reports ready (the realms are imported by then). */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                        + "; see " + logFile);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak was not ready after " + timeout + "; see " + logFile);
    }

    String url() {
        return "http://localhost:" + port;
    }

    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** The kc.sh process and the Keycloak JVM it started, for the pid file. */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /**
     * Freezes Keycloak (SIGSTOP to kc.sh and its JVM) for the fault-injection run: it answers nothing, its
     * connections hang, as a dead or unreachable server's would; its in-memory realm (users signed up at
     * runtime, signing keys) survives, as a real Keycloak's database does across a restart.
     * {@code false} when it was frozen already.
     */
    synchronized boolean freeze() throws IOException, InterruptedException {
        if (frozen) {
            return false;
        }
        signal("STOP");
        frozen = true;
        return true;
    }

    /** Lets a frozen Keycloak run again (SIGCONT); {@code false} when it was not frozen. */
    synchronized boolean thaw() throws IOException, InterruptedException {
        if (!frozen) {
            return false;
        }
        signal("CONT");
        frozen = false;
        return true;
    }

    private void signal(String name) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + name));
        pids().forEach(pid -> command.add(String.valueOf(pid)));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + pids() + " failed");
        }
    }

    /** Completes when Keycloak exits; {@code true} if it exited on its own rather than by {@link #close()}. */
    CompletableFuture<Boolean> onUnexpectedExit() {
        return process.onExit().thenApply(p -> !stopping);
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        if (frozen) {
            // a stopped process would only take SIGTERM once it runs again
            try {
                thaw();
            } catch (IOException | RuntimeException e) {
                log.warn("Could not resume the frozen Keycloak before stopping it", e);
            }
        }
        // kc.sh forwards SIGTERM to its JVM; remember the JVM in case the script goes first
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            log.warn("Keycloak did not stop within 30 s; killing it");
            process.destroyForcibly();
        }
        for (ProcessHandle child : tree) {
            if (child.isAlive()) {
                child.destroy();
                child.onExit().completeOnTimeout(child, 15, TimeUnit.SECONDS).join();
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
            }
        }
    }
}
