package io.huduma.devstack;

import io.huduma.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Starts the real infrastructure of Huduma on this machine, without Docker: PostgreSQL, a KRaft Kafka
 * broker, Keycloak, an SMTP mailbox, an SMSC and an HTTP SMS provider simulator, the inbox API and, in
 * test mode, Eureka. When all are ready it writes {@code .huduma/run/infra.env}; on SIGTERM it stops
 * everything, Keycloak's JVM included.
 *
 * <p>{@code java io.huduma.devstack.DevStack test|local} with {@code -Dhuduma.root=<repository>}; normally
 * run through {@code ./huduma infra up}, {@code ./huduma test} or {@code ./huduma up}.
 */
public final class DevStack {

    private static final Logger log = LoggerFactory.getLogger(DevStack.class);

    /** The databases of the local stack, one per service with a schema. */
    static final List<String> LOCAL_DATABASES = List.of("identity", "service_catalog", "requests", "notifications", "ussd");

    /** {@code test}: random free ports and an in-process Eureka; {@code local}: the fixed ports of the README. */
    enum Mode { TEST, LOCAL }

    private final Mode mode;
    private final Path root;
    private final Path runDir;
    private final Path logDir;
    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile KeycloakServer keycloak;
    private volatile PostgresServer postgres;
    private volatile RedisServer redis;
    /** PostgreSQL is a child process: a stop during start must wait for it to be known before closing. */
    private volatile CompletableFuture<PostgresServer> postgresStarting;

    private DevStack(Mode mode, Path root) {
        this.mode = mode;
        this.root = root;
        this.runDir = root.resolve(".huduma/run");
        this.logDir = root.resolve(".huduma/logs");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !List.of("test", "local").contains(args[0])) {
            System.err.println("usage: DevStack test|local   (-Dhuduma.root=<repository root>)");
            System.exit(2);
        }
        Mode mode = Mode.valueOf(args[0].toUpperCase(Locale.ROOT));
        Path root = Path.of(System.getProperty("huduma.root", ".")).toAbsolutePath().normalize();
        DevStack stack = new DevStack(mode, root);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-stop"));
        try {
            stack.start();
        } catch (Exception e) {
            log.error("The devstack could not start", e);
            // the shutdown hook stops whatever did start
            System.exit(1);
        }
        new CountDownLatch(1).await();
    }

    private void start() throws Exception {
        long begin = System.nanoTime();
        Files.createDirectories(runDir);
        Files.createDirectories(logDir);
        Files.deleteIfExists(runDir.resolve("infra.env"));
        StackPorts ports = mode == Mode.LOCAL ? StackPorts.local() : StackPorts.random();
        List<Integer> busy = ports.busy(mode == Mode.TEST);
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Ports already in use: " + busy
                    + " (is another stack running? ./huduma infra status)");
        }
        writePids();

        // Keycloak is by far the slowest: it boots while everything else starts
        Properties build = buildProperties();
        Path keycloakHome = KeycloakServer.install(keycloakZip(build), root.resolve(".huduma/keycloak"),
                build.getProperty("keycloak.version"));
        KeycloakServer.writeImports(keycloakHome, new RealmImport(json).files(root, ports.smtp()));
        KeycloakServer.writePasswordBlacklists(keycloakHome, root.resolve(RealmImport.PASSWORD_BLACKLIST));
        keycloak = KeycloakServer.start(keycloakHome, ports.keycloak(), ports.keycloakManagement(),
                logDir.resolve("keycloak.log"));
        started.push(keycloak);
        writePids();
        keycloak.onUnexpectedExit().thenAccept(unexpected -> {
            if (unexpected) {
                log.error("Keycloak exited on its own; stopping the devstack (see .huduma/logs/keycloak.log)");
                System.exit(1);
            }
        });

        CompletableFuture<PostgresServer> pg = CompletableFuture.supplyAsync(() -> startPostgres(ports));
        postgresStarting = pg;
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(() -> startKafka(ports));
        CompletableFuture<EurekaServer> eureka = mode == Mode.TEST
                ? CompletableFuture.supplyAsync(() -> started(EurekaServer.start(ports.eureka())))
                : CompletableFuture.completedFuture(null);

        MailServer mail = started(MailServer.start(ports.smtp()));
        SmscSimulator smsc = started(SmscSimulator.start(ports.smpp()));
        HttpSmsProvider provider = new HttpSmsProvider(json);
        InboxApi inbox = started(InboxApi.start(ports.inbox(), mail, smsc, provider, json));
        // the gateway's shared rate limiter; without the Debian package the gateway falls back to memory
        redis = RedisServer.executable().map(this::startRedis).orElse(null);

        postgres = join(pg);
        writePids();
        KafkaBroker broker = join(kafka);
        EurekaServer eurekaServer = join(eureka);
        log.info("PostgreSQL, Kafka, mail, SMSC{} up after {} s; waiting for Keycloak",
                eurekaServer != null ? ", Eureka" : "", seconds(begin));
        keycloak.awaitReady(Duration.ofMinutes(5));
        writePids();
        if (mode == Mode.LOCAL) {
            inbox.enableFaults(new Faults(broker, postgres, keycloak, this::writePids));
        }

        Map<String, String> env = new LinkedHashMap<>();
        env.put("HUDUMA_MODE", mode.name().toLowerCase(Locale.ROOT));
        env.put("HUDUMA_PG_URL", postgres.jdbcUrl());
        env.put("HUDUMA_PG_USER", PostgresServer.USER);
        env.put("HUDUMA_PG_PASSWORD", PostgresServer.PASSWORD);
        env.put("HUDUMA_KAFKA_BOOTSTRAP", broker.bootstrapServers());
        env.put("HUDUMA_KEYCLOAK_URL", keycloak.url());
        env.put("HUDUMA_KEYCLOAK_MANAGEMENT_URL", keycloak.managementUrl());
        env.put("HUDUMA_KEYCLOAK_ADMIN_USER", KeycloakServer.ADMIN_USER);
        env.put("HUDUMA_KEYCLOAK_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD);
        env.put("HUDUMA_EUREKA_URL", eurekaServer != null ? eurekaServer.serviceUrl()
                : "http://127.0.0.1:" + ports.eureka() + "/eureka/");
        // the registry refuses anonymous registrations and reads: clients send these (HTTP Basic)
        env.put("HUDUMA_EUREKA_USER", EurekaServer.USER);
        env.put("HUDUMA_EUREKA_PASSWORD", EurekaServer.PASSWORD);
        env.put("HUDUMA_SMTP_HOST", "127.0.0.1");
        env.put("HUDUMA_SMTP_PORT", String.valueOf(mail.port()));
        env.put("HUDUMA_SMPP_HOST", "127.0.0.1");
        env.put("HUDUMA_SMPP_PORT", String.valueOf(smsc.port()));
        env.put("HUDUMA_INBOX_URL", "http://127.0.0.1:" + inbox.port());
        if (redis != null) {
            env.put("HUDUMA_REDIS_HOST", redis.host());
            env.put("HUDUMA_REDIS_PORT", String.valueOf(redis.port()));
        }
        env.put("HUDUMA_DEVSTACK_PID", String.valueOf(ProcessHandle.current().pid()));
        writeAtomically(runDir.resolve("infra.env"), "# Written by the Huduma devstack (" + env.get("HUDUMA_MODE")
                + " mode) at " + Instant.now() + "; removed when it stops.\n"
                + env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + "\n").collect(Collectors.joining()));
        log.info("Huduma devstack ({} mode) ready after {} s; connection details in {}",
                env.get("HUDUMA_MODE"), seconds(begin), runDir.resolve("infra.env"));
    }

    private PostgresServer startPostgres(StackPorts ports) {
        try {
            Path data = runDir.resolve("postgres");
            deleteRecursively(data);
            return started(PostgresServer.start(data, ports.postgres(),
                    mode == Mode.LOCAL ? LOCAL_DATABASES : List.of()));
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL did not start", e);
        }
    }

    private RedisServer startRedis(Path executable) {
        try {
            return started(RedisServer.start(executable, mode == Mode.LOCAL ? StackFacts.load().port("redis") : 0,
                    logDir.resolve("redis.log")));
        } catch (Exception e) {
            throw new IllegalStateException("Redis did not start", e);
        }
    }

    private KafkaBroker startKafka(StackPorts ports) {
        try {
            Path data = runDir.resolve("kafka");
            deleteRecursively(data);
            KafkaBroker broker = started(KafkaBroker.start(data, ports.kafka(), ports.kafkaController()));
            broker.createTopics(Topics.ALL);
            return broker;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not start", e);
        }
    }

    /** Stops everything in reverse order of start; Keycloak in parallel, as it takes longest. */
    private void stop() {
        try {
            Files.deleteIfExists(runDir.resolve("infra.env"));
        } catch (IOException e) {
            log.warn("Could not remove infra.env", e);
        }
        log.info("Stopping the devstack");
        if (postgresStarting != null) {
            try {
                postgresStarting.get(90, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // it failed to start, or never will: nothing more to wait for
            }
        }
        CompletableFuture<Void> keycloakStopped = keycloak == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> closeQuietly(keycloak));
        List<AutoCloseable> order = new ArrayList<>(started);
        for (AutoCloseable component : order) {
            if (component != keycloak) {
                closeQuietly(component);
            }
        }
        keycloakStopped.join();
        try {
            Files.deleteIfExists(runDir.resolve("devstack.pid"));
            Files.deleteIfExists(runDir.resolve("children.pid"));
        } catch (IOException e) {
            log.warn("Could not remove the pid files", e);
        }
        log.info("Devstack stopped");
    }

    /**
     * {@code children.pid}: the processes this JVM started (for a forced cleanup). {@code devstack.pid}
     * (this JVM) is written by its launcher, {@code ./huduma}, which needs it before this JVM is up;
     * this JVM only removes it when it stops.
     */
    private void writePids() throws IOException {
        List<Long> children = new ArrayList<>();
        if (keycloak != null) {
            children.addAll(keycloak.pids());
        }
        if (postgres != null) {
            postgres.pid().ifPresent(children::add);
        }
        if (redis != null) {
            children.add(redis.pid());
        }
        writeAtomically(runDir.resolve("children.pid"),
                children.stream().map(String::valueOf).collect(Collectors.joining("\n", "", "\n")));
    }

    private <T extends AutoCloseable> T started(T component) {
        started.push(component);
        return component;
    }

    private static void closeQuietly(AutoCloseable component) {
        try {
            component.close();
        } catch (Exception e) {
            log.warn("Error stopping {}", component.getClass().getSimpleName(), e);
        }
    }

    private static <T> T join(CompletableFuture<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, content);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * The distribution zip in the local Maven repository the devstack was built with; else in the default
     * one (a build with a chained local repository, {@code maven.repo.local.tail}, reads it from there);
     * {@code -Dhuduma.keycloak.zip} overrides both.
     */
    private static Path keycloakZip(Properties build) {
        String explicit = System.getProperty("huduma.keycloak.zip");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Path built = Path.of(build.getProperty("keycloak.zip"));
        if (Files.isRegularFile(built)) {
            return built;
        }
        String version = build.getProperty("keycloak.version");
        Path usual = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak",
                "keycloak-quarkus-dist", version, "keycloak-quarkus-dist-" + version + ".zip");
        return Files.isRegularFile(usual) ? usual : built;
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = DevStack.class.getClassLoader().getResourceAsStream("devstack-build.properties")) {
            if (in == null) {
                throw new IllegalStateException("devstack-build.properties missing: build the devstack with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }
}
