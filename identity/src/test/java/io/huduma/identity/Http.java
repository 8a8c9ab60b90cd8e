package io.huduma.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client over the JDK HttpClient for calling the running service in tests. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Status, headers and the body parsed as JSON (a missing node when empty or not JSON). */
    record Response(int status, HttpResponse<String> raw, JsonNode body) {

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        String text(String field) {
            return body.path(field).asString();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    Response get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token, Map.of());
    }

    Response post(String path, String token, Object body) {
        return post(path, token, body, Map.of());
    }

    Response post(String path, String token, Object body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(bodyOf(body)), token, headers);
    }

    Response patch(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method("PATCH", bodyOf(body)), token, Map.of());
    }

    Response delete(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), token, Map.of());
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private static Response send(HttpRequest.Builder request, String token, Map<String, String> headers) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
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
