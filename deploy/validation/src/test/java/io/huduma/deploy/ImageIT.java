package io.huduma.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;

import com.github.dockerjava.api.model.Capability;

import io.huduma.testkit.Infra;

/**
 * Builds each module's image with deploy/image/Dockerfile through the container engine (podman's Docker
 * socket or Docker) and runs it the way the manifests do (read-only root, /tmp as tmpfs, all capabilities
 * dropped, no new privileges) against the shared infrastructure (.huduma/run/infra.env: a fresh database,
 * Kafka, Keycloak, Eureka, SMTP, SMSC). Each must run as uid 1000, report ready on its probe port, and stop
 * on SIGTERM through Spring's graceful shutdown, having used the class archive of the image's training run
 * (ADR 0009: the JVM warns when it cannot). The JRE base is {@code BASE_IMAGE} (default
 * {@code localhost/huduma-jre:17}, made offline by deploy/image/container-engine.sh).
 *
 * <p>Skipped where no engine answers, unless {@code HUDUMA_REQUIRE_CONTAINER_ENGINE=1} (set by .ci/run once
 * it has set the engine up): then a silent engine or a module's missing jar fails the test instead.
 * Two modules are built and started at a time (junit-platform.properties; each start is mostly one busy
 * thread, so on two cores this takes about half the time of one after the other).
 */
@ExtendWith(ImageIT.ContainerEngine.class)
@Execution(ExecutionMode.CONCURRENT)
class ImageIT {

    static final String REQUIRE = "HUDUMA_REQUIRE_CONTAINER_ENGINE";

    static boolean required() {
        String value = System.getenv(REQUIRE);
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    /** Disables the class where no engine answers, unless one is required; then it runs and fails. */
    static class ContainerEngine implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (required()) {
                return ConditionEvaluationResult.enabled(REQUIRE + " is set: the engine must answer");
            }
            return DockerClientFactory.instance().isDockerAvailable()
                    ? ConditionEvaluationResult.enabled("a container engine answers")
                    : ConditionEvaluationResult.disabled("no container engine answers (Docker, or podman's socket"
                            + " in DOCKER_HOST: eval \"$(deploy/image/container-engine.sh)\")");
        }
    }

    @BeforeAll
    static void theEngineAnswers() {
        assertThat(DockerClientFactory.instance().isDockerAvailable())
                .as(REQUIRE + " is set but no container engine answers (DOCKER_HOST=" + System.getenv("DOCKER_HOST")
                        + "); set it up with deploy/image/container-engine.sh")
                .isTrue();
    }

    static List<String> modules() {
        return Repo.deployableModules();
    }

    @ParameterizedTest
    @MethodSource("modules")
    void theImageRunsAsNonRootReportsReadyAndStopsGracefully(String module) throws Exception {
        Path jar = execJar(module);
        String base = System.getenv().getOrDefault("BASE_IMAGE", "localhost/huduma-jre:17");
        ImageFromDockerfile image = new ImageFromDockerfile("localhost/huduma/" + module + ":image-it", false)
                .withFileFromPath("Dockerfile", Repo.DEPLOY.resolve("image/Dockerfile"))
                .withFileFromPath(jar.getFileName().toString(), jar)
                .withBuildArg("MODULE", module)
                .withBuildArg("BASE_IMAGE", base);
        Map<String, String> env = environment(module);
        long started = System.nanoTime();
        int probePort = Integer.parseInt(env.getOrDefault("MANAGEMENT_PORT", env.get("PORT")));
        try (GenericContainer<?> container = new GenericContainer<>(image)
                .withNetworkMode("host") // the shared infrastructure listens on the host's loopback
                .withEnv(env)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withReadonlyRootfs(true)
                        .withTmpFs(Map.of("/tmp", "rw,size=256m"))
                        .withCapDrop(Capability.ALL)
                        .withSecurityOpts(List.of("no-new-privileges")))) {
            image.get(); // the build, timed apart from the start
            long built = System.nanoTime();
            container.start();
            awaitReady(container, probePort, module);
            long ready = System.nanoTime();

            assertThat(container.execInContainer("id", "-u").getStdout().strip()).as(module + " uid").isEqualTo("1000");
            HttpResponse<String> liveness = get(probePort, "/actuator/health/liveness");
            assertThat(liveness.statusCode()).as(module + " liveness").isEqualTo(200);
            assertThat(liveness.body()).contains("\"UP\"");

            container.getDockerClient().stopContainerCmd(container.getContainerId()).withTimeout(40).exec();
            Long exitCode = container.getDockerClient().inspectContainerCmd(container.getContainerId()).exec()
                    .getState().getExitCodeLong();
            assertThat(exitCode).as(module + " stopped by SIGTERM, not killed (137)").isIn(0L, 143L);
            String logs = container.getLogs();
            assertThat(logs).as(module + ": Spring's graceful shutdown ran").contains("Graceful shutdown complete");
            assertThat(logs).as(module + ": the JVM used the image's CDS archive (ADR 0009)")
                    .doesNotContain("Unable to use shared archive").doesNotContain("[cds");
            long stopped = System.nanoTime();
            System.out.printf("ImageIT %s: image built in %d s, ready %d s after start (Spring: %s), checked and stopped in %d s (%d s in all)%n",
                    module, seconds(built - started), seconds(ready - built),
                    logs.lines().filter(line -> line.contains("Started ") && line.contains(" seconds (process running for "))
                            .map(line -> line.substring(line.indexOf("Started "))).findFirst().orElse("?"),
                    seconds(stopped - ready), seconds(stopped - started));
        }
    }

    /** What the manifests set from ConfigMaps and Secrets, pointed at the shared infrastructure. */
    private static Map<String, String> environment(String module) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(freePort()));
        Map<String, Object> config = Repo.applicationConfig(module);
        if (Repo.defaultPort(config, "spring.grpc.server.port") != null) {
            env.put("GRPC_PORT", String.valueOf(freePort()));
        }
        if (Repo.defaultPort(config, "management.server.port") != null) {
            env.put("MANAGEMENT_PORT", String.valueOf(freePort()));
        }
        if (config.containsKey("spring.datasource.url")) {
            env.put("DB_URL", Infra.freshDatabase(module));
            env.put("DB_USER", Infra.postgresUser());
            env.put("DB_PASSWORD", Infra.postgresPassword());
        }
        env.put("KAFKA_BOOTSTRAP", Infra.kafkaBootstrapServers());
        env.put("KEYCLOAK_URL", Infra.keycloakUrl());
        env.put("EUREKA_URL", Infra.eurekaServiceUrl());
        env.put("SMTP_HOST", Infra.smtpHost());
        env.put("SMTP_PORT", String.valueOf(Infra.smtpPort()));
        env.put("SMPP_HOST", Infra.smppHost());
        env.put("SMPP_PORT", String.valueOf(Infra.smppPort()));
        env.put("HTTP_SMS_URL", Infra.inboxUrl() + "/sms-http/send");
        // the shared test infrastructure's credentials are dev ones, which services accept only in a dev profile
        env.put("SPRING_PROFILES_ACTIVE", "test");
        env.put("SERVER_SHUTDOWN", "graceful");
        env.put("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE", "25s");
        return env;
    }

    private static long seconds(long nanos) {
        return Math.round(nanos / 1e9);
    }

    private static void awaitReady(GenericContainer<?> container, int port, String module) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            if (!container.isRunning()) { // the logs fetched only then, not at every poll
                throw new AssertionError(module + " exited while starting:\n" + container.getLogs());
            }
            try {
                if (get(port, "/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(module + " not ready within 5 minutes:\n" + container.getLogs());
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The module's executable jar: skipped without it, failed without it when an engine is required. */
    private static Path execJar(String module) throws IOException {
        Path target = Repo.ROOT.resolve(module).resolve("target");
        Path jar = null;
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                jar = files.filter(p -> p.getFileName().toString().matches(module + "-.*-exec\\.jar")).findFirst().orElse(null);
            }
        }
        String missing = module + " is not packaged: ./mvnw -B -DskipTests package -pl " + module;
        if (required()) {
            assertThat(jar).as(missing).isNotNull();
        } else {
            assumeTrue(jar != null, missing);
        }
        return jar;
    }
}
