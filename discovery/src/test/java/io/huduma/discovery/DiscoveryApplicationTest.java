package io.huduma.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Starts the real registry and registers an instance over its REST API, as a client would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "huduma.discovery.username=svc", "huduma.discovery.password=registry-test-password" })
class DiscoveryApplicationTest {

    private static final String INSTANCE = """
            {"instance":{"instanceId":"probe-1","hostName":"127.0.0.1","app":"PROBE","ipAddr":"127.0.0.1",
            "status":"UP","port":{"$":1234,"@enabled":"true"},"dataCenterInfo":{
            "@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"},
            "metadata":{"grpc.port":"4321"}}}""";
    private static final String RIGHT = basic("svc", "registry-test-password");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void healthIsOpenToProbes() throws Exception {
        HttpResponse<String> health = send("GET", "/actuator/health", null, null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(send("GET", "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void registeredInstanceIsListedWithItsGrpcPort() throws Exception {
        HttpResponse<String> registered = send("POST", "/eureka/apps/PROBE", INSTANCE, RIGHT);
        assertThat(registered.statusCode()).isEqualTo(204);

        HttpResponse<String> app = send("GET", "/eureka/apps/PROBE", null, RIGHT);

        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.body()).contains("probe-1").contains("\"grpc.port\":\"4321\"");
    }

    @Test
    void registeringOrReadingWithoutTheCredentialsIsRefusedAndChangesNothing() throws Exception {
        assertThat(send("POST", "/eureka/apps/INTRUDER", INSTANCE.replace("PROBE", "INTRUDER"), null).statusCode())
                .isEqualTo(401);
        assertThat(send("POST", "/eureka/apps/INTRUDER", INSTANCE.replace("PROBE", "INTRUDER"),
                basic("svc", "guess")).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/eureka/apps", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/eureka/apps", null, basic("huduma", "registry-test-password")).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/", null, null).statusCode()).as("dashboard").isEqualTo(401);

        HttpResponse<String> intruder = send("GET", "/eureka/apps/INTRUDER", null, RIGHT);
        assertThat(intruder.statusCode()).isEqualTo(404);
    }

    @Test
    void prometheusMetricsAreServedToTheScraperWithCredentials() throws Exception {
        assertThat(send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);

        HttpResponse<String> metrics = send("GET", "/actuator/prometheus", null, RIGHT);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", path.startsWith("/actuator/prometheus") ? "text/plain" : "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
