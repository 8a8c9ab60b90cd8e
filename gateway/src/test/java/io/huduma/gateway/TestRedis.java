package io.huduma.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.huduma.testkit.Infra;

/**
 * The real {@code redis-server} the gateways of a test share: the devstack's (HUDUMA_REDIS_* in infra.env)
 * when it runs one, else a private one started here from the Debian package and stopped with the JVM.
 */
final class TestRedis {

    private static String host;
    private static int port;

    private TestRedis() {
    }

    static synchronized String uri() {
        if (host == null) {
            if (Infra.redisHost() != null && Infra.redisPort() > 0) {
                host = Infra.redisHost();
                port = Infra.redisPort();
            } else {
                startPrivate();
            }
        }
        return "redis://" + host + ":" + port;
    }

    /** Removes every key: each test context starts with full buckets. */
    static void flush() {
        command("FLUSHALL");
    }

    private static void startPrivate() {
        Path executable = Path.of("/usr/bin/redis-server");
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("redis-server is not installed: apt-get install -y redis-server (.ci/run does)");
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        host = "127.0.0.1";
        try {
            Process process = new ProcessBuilder(executable.toString(), "--port", String.valueOf(port), "--bind", host,
                    "--save", "", "--appendonly", "no").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                if ("+PONG".equals(command("PING"))) {
                    return;
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    private static String command(String command) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\r') {
                line.append((char) c);
            }
            return line.toString();
        } catch (IOException e) {
            return null;
        }
    }
}
