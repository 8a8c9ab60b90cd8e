package io.huduma.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;

import com.github.dockerjava.api.model.Capability;

/**
 * Builds the discovery image with deploy/image/Dockerfile through the container engine (podman's Docker
 * socket or Docker) and runs it the way the manifests do: read-only root, /tmp as tmpfs, all
 * capabilities dropped, no new privileges. It must run as a non-root user, report ready, and stop
 * gracefully on SIGTERM. Skipped where no engine answers. The JRE base is {@code BASE_IMAGE}
 * (default {@code localhost/huduma-jre:17}, made offline as deploy/README.md shows).
 */
@Testcontainers(disabledWithoutDocker = true)
class ImageIT {

    private static final String MODULE = "discovery";
    private static final int PORT = 8761;

    @Test
    void theImageRunsAsNonRootReportsReadyAndStopsGracefully() throws Exception {
        Path jar = execJar(MODULE);
        String base = System.getenv().getOrDefault("BASE_IMAGE", "localhost/huduma-jre:17");
        ImageFromDockerfile image = new ImageFromDockerfile("localhost/huduma/" + MODULE + ":image-it", false)
                .withFileFromPath("Dockerfile", Repo.DEPLOY.resolve("image/Dockerfile"))
                .withFileFromPath(jar.getFileName().toString(), jar)
                .withBuildArg("MODULE", MODULE)
                .withBuildArg("BASE_IMAGE", base);
        try (GenericContainer<?> container = new GenericContainer<>(image)
                .withExposedPorts(PORT)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withReadonlyRootfs(true)
                        .withTmpFs(Map.of("/tmp", "rw,size=256m"))
                        .withCapDrop(Capability.ALL)
                        .withSecurityOpts(List.of("no-new-privileges")))
                .waitingFor(Wait.forHttp("/actuator/health/readiness").forPort(PORT).forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(4)))) {
            container.start();

            assertThat(container.execInContainer("id", "-u").getStdout().strip()).as("uid in the container").isEqualTo("1000");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://" + container.getHost() + ":" + container.getMappedPort(PORT) + "/actuator/health/liveness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");

            container.getDockerClient().stopContainerCmd(container.getContainerId()).withTimeout(30).exec();
            Long exitCode = container.getDockerClient().inspectContainerCmd(container.getContainerId()).exec()
                    .getState().getExitCodeLong();
            assertThat(exitCode).as("stopped by SIGTERM within the timeout, not killed (137)").isIn(0L, 143L);
            assertThat(container.getLogs()).as("Spring's graceful shutdown ran").contains("Graceful shutdown complete");
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
