package io.huduma.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;

/** The checks every Huduma service passes once started: operational endpoints and gRPC health. */
public final class StartupChecks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StartupChecks() {
    }

    /** Liveness and readiness UP, Prometheus metrics and an OpenAPI document served on {@code port}. */
    public static void assertOperationalEndpoints(int port) {
        assertThat(get(port, "/actuator/health/liveness")).contains("\"status\":\"UP\"");
        assertThat(get(port, "/actuator/health/readiness")).contains("\"status\":\"UP\"");
        assertThat(get(port, "/actuator/prometheus")).contains("jvm_memory_used_bytes");
        assertThat(get(port, "/v3/api-docs")).contains("\"openapi\"");
    }

    /**
     * Calls the standard gRPC health service over a channel to {@code target}
     * (e.g. {@code discovery:///identity}, resolved through Eureka) and expects SERVING.
     */
    public static void assertGrpcServing(String target) {
        ManagedChannel channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
        try {
            HealthCheckResponse response = HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(20, TimeUnit.SECONDS)
                    .withWaitForReady()
                    .check(HealthCheckRequest.getDefaultInstance());
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        } finally {
            channel.shutdownNow();
        }
    }

    private static String get(int port, String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
