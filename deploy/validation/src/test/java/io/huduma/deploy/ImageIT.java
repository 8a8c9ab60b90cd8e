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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;

import com.github.dockerjava.api.model.Capability;

import io.huduma.testkit.Infra;

/**
 * Builds each module's image with deploy/image/Dockerfile through the container engine (podman's Docker
 * socket or Docker) and runs it the way the manifests do (read-only root, /tmp as tmpfs, all capabilities
 * dropped, no new privileges) against the shared infrastructure (.huduma/run/infra.env: a fresh database,
 * Kafka, Keycloak, Eureka, SMTP, SMSC). Each must run as uid 1000, report ready on its probe port, and stop
 * on SIGTERM through Spring's graceful shutdown. Skipped where no engine answers. The JRE base is
 * {@code BASE_IMAGE} (default {@code localhost/huduma-jre:17}, made offline as deploy/README.md shows).
 */
@Testcontainers(disabledWithoutDocker = true)
class ImageIT {

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
        int probePort = Integer.parseInt(env.getOrDefault("MANAGEMENT_PORT", env.get("PORT")));
        try (GenericContainer<?> container = new GenericContainer<>(image)
                .withNetworkMode("host") // the shared infrastructure listens on the host's loopback
                .withEnv(env)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withReadonlyRootfs(true)
                        .withTmpFs(Map.of("/tmp", "rw,size=256m"))
                        .withCapDrop(Capability.ALL)
                        .withSecurityOpts(List.of("no-new-privileges")))) {
            container.start();
            awaitReady(container, probePort, module);

            assertThat(container.execInContainer("id", "-u").getStdout().strip()).as(module + " uid").isEqualTo("1000");
            HttpResponse<String> liveness = get(probePort, "/actuator/health/liveness");
            assertThat(liveness.statusCode()).as(module + " liveness").isEqualTo(200);
            assertThat(liveness.body()).contains("\"UP\"");

            container.getDockerClient().stopContainerCmd(container.getContainerId()).withTimeout(40).exec();
            Long exitCode = container.getDockerClient().inspectContainerCmd(container.getContainerId()).exec()
                    .getState().getExitCodeLong();
            assertThat(exitCode).as(module + " stopped by SIGTERM, not killed (137)").isIn(0L, 143L);
            assertThat(container.getLogs()).as(module + ": Spring's graceful shutdown ran").contains("Graceful shutdown complete");
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

    private static void awaitReady(GenericContainer<?> container, int port, String module) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            assertThat(container.isRunning()).as(module + " exited while starting:\n" + container.getLogs()).isTrue();
            try {
                if (get(port, "/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(2000);
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

    private static Path execJar(String module) throws IOException {
        Path target = Repo.ROOT.resolve(module).resolve("target");
        assumeTrue(Files.isDirectory(target), module + " is not packaged: ./mvnw -B -DskipTests package -pl " + module);
        try (Stream<Path> files = Files.list(target)) {
            Path jar = files.filter(p -> p.getFileName().toString().matches(module + "-.*-exec\\.jar")).findFirst().orElse(null);
            assumeTrue(jar != null, module + " is not packaged: ./mvnw -B -DskipTests package -pl " + module);
            return jar;
        }
    }
}
