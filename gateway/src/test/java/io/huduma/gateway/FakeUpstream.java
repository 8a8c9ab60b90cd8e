package io.huduma.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.huduma.testkit.Infra;

/**
 * A real HTTP server registered in the shared Eureka under a service's id (with optional instance
 * metadata), standing in for that service so the gateway can be observed from the other side. Like a
 * platform service it echoes {@code X-Correlation-Id} and sets its own security headers. It can be made
 * to fail ({@link #failNext}), to be slow ({@link #delayMillis}), and be stopped and started again on
 * the same port while staying registered, as a crashed instance would.
 */
final class FakeUpstream implements AutoCloseable {

    record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        List<String> headerNames() {
            return headers.keySet().stream().map(String::toLowerCase).toList();
        }
    }

    private final String app;
    private final Map<String, String> metadata;
    private final int port;
    private final String instanceId;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();
    final AtomicInteger delayMillis = new AtomicInteger();
    private HttpServer server;
    private final java.util.concurrent.ScheduledExecutorService heartbeat =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "fake-upstream-heartbeat");
                t.setDaemon(true);
                return t;
            });

    FakeUpstream(String app) throws IOException {
        this(app, Map.of());
    }

    FakeUpstream(String app, Map<String, String> metadata) throws IOException {
        this.app = app;
        this.metadata = metadata;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.port = server.getAddress().getPort();
        this.instanceId = app + "-fake-" + port;
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        register();
        // renew the lease as a Eureka client does, so long test runs never see the instance evicted
        heartbeat.scheduleAtFixedRate(() -> send(Infra.eurekaRequest("apps/" + app + "/" + instanceId + "?status=UP")
                .PUT(HttpRequest.BodyPublishers.noBody()).build()), 20, 20, java.util.concurrent.TimeUnit.SECONDS);
    }

    List<Received> received() {
        return received;
    }

    Received last() {
        return received.get(received.size() - 1);
    }

    int port() {
        return port;
    }

    /** Stops answering (connections refused) but stays registered, as a crashed instance would. */
    void stop() {
        server.stop(0);
    }

    /** Answers again on the same port. */
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), requestBody));
        int delay = delayMillis.get();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean fail = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        String body = exchange.getRequestURI().getPath().equals("/v3/api-docs")
                ? "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + app + "\"}}"
                : "{\"served-by\":\"" + instanceId + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String correlation = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
        if (correlation != null) {
            exchange.getResponseHeaders().add("X-Correlation-Id", correlation);
        }
        exchange.getResponseHeaders().add("X-Frame-Options", "DENY");
        exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(fail ? 503 : 200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Registers as a Eureka client would; discovery clients look instances up by VIP address. */
    private void register() {
        String metadataJson = metadata.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").collect(Collectors.joining(","));
        String instance = """
                {"instance":{"instanceId":"%s","hostName":"127.0.0.1","app":"%s","ipAddr":"127.0.0.1","vipAddress":"%s",
                "status":"UP","port":{"$":%d,"@enabled":"true"},"leaseInfo":{"durationInSecs":90},"metadata":{%s},
                "dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}}"""
                .formatted(instanceId, app.toUpperCase(), app, port, metadataJson);
        HttpResponse<String> response = send(Infra.eurekaRequest("apps/" + app)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(instance)).build());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Eureka refused the fake instance: " + response.statusCode());
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        send(Infra.eurekaRequest("apps/" + app + "/" + instanceId)
                .DELETE().build());
        server.stop(0);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
