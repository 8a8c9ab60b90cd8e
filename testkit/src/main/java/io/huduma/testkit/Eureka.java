package io.huduma.testkit;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reads the shared Eureka registry the way an operator would, over its REST API. */
public final class Eureka {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Eureka() {
    }

    /** One registered instance as Eureka lists it. */
    public record Instance(String app, String instanceId, String ipAddr, int port, String status,
                           Map<String, String> metadata) {
    }

    /**
     * Waits until an instance of {@code app} listening on {@code httpPort} is registered and UP,
     * and returns it. Fails the test after the timeout.
     */
    public static Instance awaitInstance(String app, int httpPort, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "nothing";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = HTTP.send(Infra.eurekaRequest("apps/" + app.toUpperCase(Locale.ROOT))
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    for (JsonNode node : instances(JSON.readTree(response.body()))) {
                        Instance instance = toInstance(node);
                        if (instance.port() == httpPort && "UP".equals(instance.status())) {
                            return instance;
                        }
                    }
                }
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.io.IOException e) {
                last = e.toString();
            }
        }
        throw new AssertionError("No UP instance of " + app + " on port " + httpPort + " in Eureka after "
                + timeout + "; last answer: " + last);
    }

    private static Iterable<JsonNode> instances(JsonNode root) {
        JsonNode instance = root.path("application").path("instance");
        if (instance.isArray()) {
            return instance;
        }
        return java.util.List.of(instance);
    }

    private static Instance toInstance(JsonNode node) {
        Map<String, String> metadata = new HashMap<>();
        node.path("metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asString()));
        return new Instance(node.path("app").asString(), node.path("instanceId").asString(),
                node.path("ipAddr").asString(), node.path("port").path("$").asInt(),
                node.path("status").asString(), metadata);
    }
}
