package io.huduma.devstack.chaos;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The few calls the fault-injection run makes, over the JDK HTTP client: the gateway's public API as citizens
 * and an officer call it, Keycloak's password grant ({@code huduma-cli}), and the devstack's inbox and fault
 * switches. Nothing here throws for an HTTP status: a failed call is a {@link Reply} with status 0.
 */
final class PlatformClient {

    /** A response: status (0 when the call itself failed), ETag, body parsed as JSON (missing when not JSON). */
    record Reply(int status, Optional<String> etag, JsonNode body, String text) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Worth another try: no answer, a server error, or a rate limit. */
        boolean transientFailure() {
            return status == 0 || status >= 500 || status == 429 || status == 408;
        }

        @Override
        public String toString() {
            return status + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String keycloak;
    private final String inbox;
    private final Duration timeout;

    PlatformClient(String gateway, String keycloak, String inbox, Duration timeout) {
        this.gateway = strip(gateway);
        this.keycloak = strip(keycloak);
        this.inbox = strip(inbox);
        this.timeout = timeout;
    }

    Reply gateway(String method, String path, String token, Map<String, String> headers, Object body) {
        return call(method, gateway + path, token, headers, body);
    }

    Reply inbox(String method, String path) {
        return call(method, inbox + path, null, Map.of(), null);
    }

    /** An access token through {@code huduma-cli}'s password grant; empty when Keycloak does not answer 200. */
    Optional<String> token(String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", "huduma-cli", "username", username,
                        "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak + "/realms/huduma/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        Reply reply = exchange(request);
        return reply.ok() ? Optional.of(reply.body().path("access_token").asString()) : Optional.empty();
    }

    /** The {@code sub} claim of an access token (the citizen subject events carry). */
    static String subject(String token) {
        String payload = token.split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload)).path("sub").asString();
    }

    private Reply call(String method, String url, String token, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return exchange(request.build());
    }

    private Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                json = JSON.missingNode();
            }
            return new Reply(response.statusCode(), response.headers().firstValue("ETag"), json, response.body());
        } catch (IOException e) {
            return new Reply(0, Optional.empty(), JSON.missingNode(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, Optional.empty(), JSON.missingNode(), "interrupted");
        }
    }

    private static String strip(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
