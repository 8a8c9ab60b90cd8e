package io.huduma.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.huduma.testkit.Infra;

/**
 * A real HTTP server registered in the shared Eureka under a service's id, standing in for
 * that service so the gateway's routing can be observed from the other side.
 */
final class FakeUpstream implements AutoCloseable {

    record Received(String method, String path, Map<String, List<String>> headers) {
    }

    private final HttpServer server;
    private final String app;
    private final String instanceId;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FakeUpstream(String app) throws IOException {
        this.app = app;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.instanceId = app + "-fake-" + server.getAddress().getPort();
        server.createContext("/", this::handle);
        server.start();
        register();
    }

    List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders())));
        String body = exchange.getRequestURI().getPath().equals("/v3/api-docs")
                ? "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + app + "\"}}"
                : "{\"served-by\":\"" + instanceId + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Registers as a Eureka client would; discovery clients look instances up by VIP address. */
    private void register() {
        int port = server.getAddress().getPort();
        String instance = """
                {"instance":{"instanceId":"%s","hostName":"127.0.0.1","app":"%s","ipAddr":"127.0.0.1","vipAddress":"%s",
                "status":"UP","port":{"$":%d,"@enabled":"true"},"leaseInfo":{"durationInSecs":30},
                "dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}}"""
                .formatted(instanceId, app.toUpperCase(), app, port);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(Infra.eurekaUrl() + "apps/" + app))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(instance)).build());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Eureka refused the fake instance: " + response.statusCode());
        }
    }

    @Override
    public void close() {
        send(HttpRequest.newBuilder(URI.create(Infra.eurekaUrl() + "apps/" + app + "/" + instanceId))
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
