package io.huduma.devstack.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service {@code ./huduma up} started (pid in {@code .huduma/run/<service>.pid}), killed with SIGKILL and
 * started again with exactly the command line, environment and directory it had, its output appended to
 * {@code .huduma/logs/<service>.log}; the new pid goes into the pid file, so {@code ./huduma down} stops it.
 */
final class ServiceProcess {

    private final Path pidFile;
    private final Path logFile;
    private final String service;

    ServiceProcess(Path root, String service) {
        this.pidFile = root.resolve(".huduma/run/" + service + ".pid");
        this.logFile = root.resolve(".huduma/logs/" + service + ".log");
        this.service = service;
    }

    /** SIGKILL, then the same command again; answers the new pid. */
    long killAndStart() throws Exception {
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new IllegalStateException(service + " (pid " + pid + ") is not running"));
        List<String> command = nulSeparated(Path.of("/proc/" + pid + "/cmdline"));
        if (command.stream().noneMatch(word -> word.contains(service + "-"))) {
            throw new IllegalStateException("pid " + pid + " is not " + service + ": " + command);
        }
        Map<String, String> environment = new HashMap<>();
        for (String entry : nulSeparated(Path.of("/proc/" + pid + "/environ"))) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                environment.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        Path directory = Path.of("/proc/" + pid + "/cwd").toRealPath();

        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);

        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        long started = builder.start().pid();
        Files.writeString(pidFile, started + "\n");
        return started;
    }

    private static List<String> nulSeparated(Path file) throws IOException {
        List<String> words = new ArrayList<>();
        for (String word : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\0")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
