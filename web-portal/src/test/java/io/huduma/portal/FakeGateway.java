package io.huduma.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server standing in for the public gateway API in page tests: answers are set per
 * "METHOD path" (path with its query), and every call is recorded (method, path, headers, body) so a test
 * can assert what the portal sent. The real gateway is exercised by e2e-tests' WebPortalJourneyIT.
 */
final class FakeGateway implements AutoCloseable {

    /** A call the portal made. */
    record Call(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A canned answer. */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    FakeGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeGateway json(String method, String path, int status, String body) {
        return answer(method, path, new Answer(status, status >= 400 ? "application/problem+json" : "application/json", body, Map.of()));
    }

    FakeGateway answer(String method, String path, Answer answer) {
        answers.put(method + " " + path, answer);
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method, String pathPrefix) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().startsWith(pathPrefix)).toList();
    }

    void reset() {
        answers.clear();
        calls.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = answers.get(exchange.getRequestMethod() + " " + path);
        if (answer == null) {
            // a path set without its query answers any query
            String bare = exchange.getRequestURI().getRawPath();
            answer = answers.get(exchange.getRequestMethod() + " " + bare);
        }
        if (answer == null) {
            answer = new Answer(404, "application/problem+json",
                    "{\"title\":\"Not found\",\"status\":404,\"detail\":\"no fake answer for " + path + "\"}", Map.of());
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
