package io.huduma.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.huduma.deploy.StrictManifests.Manifest;
import io.kubernetes.client.openapi.models.V1Deployment;

/** The one image build serves every module as the manifests expect it: layered, non-root, container-aware. */
class ImageBuildTest {

    private final String dockerfile = Repo.read(Repo.DEPLOY.resolve("image/Dockerfile"));
    /** One entry per instruction, continuation lines (ending in a backslash) joined. */
    private final List<String> instructions = List.of(dockerfile.lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .collect(Collectors.joining("\n"))
            .replace("\\\n", " ")
            .split("\n"));

    @Test
    void theImageRunsAsTheNonRootUserTheManifestsRequire() {
        List<String> users = instructions.stream().filter(line -> line.startsWith("USER ")).toList();
        assertThat(users).as("one USER, in the final stage").hasSize(1);
        String uid = users.get(0).substring(5).split(":")[0];
        assertThat(uid).as("numeric, so the kubelet can verify runAsNonRoot").matches("[1-9]\\d*");
        assertThat(instructions.indexOf(users.get(0))).as("USER after the last FROM")
                .isGreaterThan(lastIndexStartingWith("FROM "));
        for (String overlay : Repo.OVERLAYS) {
            for (String module : Repo.deployableModules()) {
                Long runAsUser = Rendered.get(Rendered.overlay(overlay), "Deployment", module, V1Deployment.class)
                        .getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser();
                assertThat(runAsUser).as(overlay + " " + module + " runAsUser = the image's user").isEqualTo(Long.valueOf(uid));
            }
        }
    }

    @Test
    void itIsLayeredLibrariesFirstApplicationLast() {
        List<String> copies = instructions.stream().filter(line -> line.startsWith("COPY --from=layers")).toList();
        assertThat(copies).extracting(line -> line.split("\\s+")[2])
                .containsExactly("/layers/extracted/dependencies/", "/layers/extracted/snapshot-dependencies/",
                        "/layers/extracted/application/");
        assertThat(dockerfile).contains("-Djarmode=tools -jar app.jar extract --layers --destination extracted")
                .as("CDS archives classes from plain jars only, not from the launcher's nested or exploded layout")
                .doesNotContain("--launcher");
    }

    @Test
    void classesComeFromTheArchiveOfATrainingRunWithTheSameClassPath() {
        int training = -1;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).contains("-XX:ArchiveClassesAtExit=app.jsa")) {
                training = i;
            }
        }
        assertThat(training).as("a training run writes the archive").isNotNegative();
        assertThat(instructions.get(training)).contains("-Dspring.context.exit=onRefresh", "-jar app.jar");
        assertThat(training).as("after the application is copied, before the non-root user")
                .isGreaterThan(lastIndexStartingWith("COPY --from=layers"))
                .isLessThan(lastIndexStartingWith("USER "));
        assertThat(lastInstruction("ENTRYPOINT"))
                .isEqualTo("ENTRYPOINT [\"java\", \"-XX:SharedArchiveFile=app.jsa\", \"-jar\", \"app.jar\"]");
        assertThat(lastInstruction("WORKDIR")).as("the training run and the container start from the same directory")
                .isEqualTo("WORKDIR /app");
    }

    @Test
    void theJvmSizesItselfFromTheContainerAndTheManifestsAgree() {
        String env = lastInstruction("ENV JAVA_TOOL_OPTIONS");
        assertThat(env).contains("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp");
        List<Manifest> dev = Rendered.overlay("dev");
        String fromConfigMap = Rendered.get(dev, "ConfigMap", "huduma-platform", io.kubernetes.client.openapi.models.V1ConfigMap.class)
                .getData().get("JAVA_TOOL_OPTIONS");
        assertThat(env).as("the image's defaults and the cluster's flags are the same").contains(fromConfigMap);
    }

    @Test
    void oneBuildServesEveryModuleNamedAfterIt() {
        assertThat(dockerfile).contains("ARG MODULE", "COPY ${MODULE}-*-exec.jar app.jar");
        String script = Repo.read(Repo.DEPLOY.resolve("image/build-images.sh"));
        assertThat(script).as("the script builds every deployable module of stack.properties")
                .contains("sed -n 's/^services=//p' stack.properties")
                .contains("image=\"$registry/$module:$tag\"")
                .contains("--build-arg \"MODULE=$module\"");
        assertThat(Repo.DEPLOY.resolve("image/build-images.sh").toFile().canExecute()).isTrue();
    }

    private int lastIndexStartingWith(String prefix) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (instructions.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private String lastInstruction(String prefix) {
        int index = lastIndexStartingWith(prefix);
        assertThat(index).as(prefix + " in the Dockerfile").isNotNegative();
        return instructions.get(index);
    }
}
