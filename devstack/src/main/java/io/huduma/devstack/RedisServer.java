package io.huduma.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code redis-server} (the Debian package, installed by {@code .ci/run}) for the gateway's
 * shared rate limiter: in memory only (no snapshots, no append-only file), on loopback.
 */
final class RedisServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisServer.class);

    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The {@code redis-server} on the PATH (or {@code -Dhuduma.redis.server}), if installed. */
    static Optional<Path> executable() {
        String explicit = System.getProperty("huduma.redis.server");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path debian = Path.of("/usr/bin/redis-server");
        return Files.isExecutable(debian) ? Optional.of(debian) : Optional.empty();
    }

    /** Starts redis-server on {@code port} (0: a free one) and waits until it answers PING. */
    static RedisServer start(Path executable, int port, Path logFile) throws IOException, InterruptedException {
        int chosen = port == 0 ? freePort() : port;
        List<String> command = List.of(executable.toString(), "--port", String.valueOf(chosen),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--protected-mode", "yes", "--dir", logFile.getParent().toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile())).start();
        RedisServer server = new RedisServer(process, chosen);
        server.awaitReady(Duration.ofSeconds(20), logFile);
        log.info("Redis up on 127.0.0.1:{}", chosen);
        return server;
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    private void awaitReady(Duration timeout, Path logFile) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with status " + process.exitValue() + "; see " + logFile);
            }
            if (ping()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("redis-server did not answer PING within " + timeout + "; see " + logFile);
    }

    private boolean ping() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
