package io.huduma.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON client over the JDK HttpClient for calling a running service (or the gateway) in
 * tests: {@code new JsonHttp(port).post("/api/v1/requests", token, body, Map.of("Idempotency-Key", key))}.
 */
public final class JsonHttp {

    /** The mapper bodies are written and read with. */
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;

    /** A client for {@code http://127.0.0.1:port}. */
    public JsonHttp(int port) {
        this("http://127.0.0.1:" + port);
    }

    /** A client for a base URL such as {@code http://localhost:8080}. */
    public JsonHttp(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A response: status, headers and the body parsed as JSON (a missing node when empty or not JSON). */
    public record Response(int status, HttpResponse<String> raw, JsonNode body) {

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        /** A top-level text field of the body ({@code ""} when absent). */
        public String text(String field) {
            return body.path(field).asString();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Response get(String path) {
        return get(path, null, Map.of());
    }

    public Response get(String path, String token) {
        return get(path, token, Map.of());
    }

    public Response get(String path, String token, Map<String, String> headers) {
        return send("GET", path, token, headers, null);
    }

    public Response post(String path, String token, Object body) {
        return post(path, token, body, Map.of());
    }

    public Response post(String path, String token, Object body, Map<String, String> headers) {
        return send("POST", path, token, headers, body);
    }

    public Response put(String path, String token, Object body) {
        return send("PUT", path, token, Map.of(), body);
    }

    public Response patch(String path, String token, Object body) {
        return send("PATCH", path, token, Map.of(), body);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, Map.of(), null);
    }

    /**
     * Any method with extra headers; a body that is a {@code String} is sent as it is, anything else
     * as JSON, {@code null} as no body.
     */
    public Response send(String method, String path, String token, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        request.method(method, bodyOf(body));
        return send(request, token);
    }

    /** Sends raw bytes as they are (malformed JSON, oversize bodies). */
    public Response sendRaw(String method, String path, String token, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)), token);
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private static Response send(HttpRequest.Builder request, String token) {
        // a service that never answers fails the test instead of hanging the build
        request.timeout(java.time.Duration.ofSeconds(120));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                body = JSON.missingNode();
            }
            return new Response(response.statusCode(), response, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
