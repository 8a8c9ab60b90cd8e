package io.huduma.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A downstream that stops (connection refused, its instance still registered) opens its circuit: calls
 * are answered at once with a 503 problem and never reach it; when it returns, the circuit closes.
 * A slow downstream is a 504 problem; only idempotent methods are retried.
 */
class ResilienceIT extends GatewayIT {

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Test
    void theCircuitOpensWhenADownstreamStopsAndClosesWhenItReturns() throws Exception {
        FakeUpstream notifications = upstream("notifications-service");
        awaitRoutable("/notifications-service/v3/api-docs", notifications);
        String token = Tokens.forUser("admin.platform");
        client.get().uri("/api/v1/notifications/statistics").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk();

        notifications.stop();
        for (int i = 0; i < 4; i++) {
            EdgeIT.problem(client.get().uri("/api/v1/notifications/statistics").header("Authorization", "Bearer " + token)
                    .exchange(), 503);
        }
        assertThat(circuitBreakers.circuitBreaker("notifications-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        notifications.start();
        notifications.received().clear();
        long started = System.nanoTime();
        EdgeIT.problem(client.get().uri("/api/v1/notifications/statistics").header("Authorization", "Bearer " + token)
                .exchange(), 503);
        assertThat((System.nanoTime() - started) / 1_000_000).as("an open circuit answers at once").isLessThan(1000);
        assertThat(notifications.received()).as("an open circuit does not call").isEmpty();

        long deadline = System.currentTimeMillis() + 20_000;
        int status = 0;
        while (System.currentTimeMillis() < deadline && status != 200) {
            sleep(500);
            status = client.get().uri("/api/v1/notifications/statistics").header("Authorization", "Bearer " + token)
                    .exchange().returnResult(String.class).getStatus().value();
        }
        assertThat(status).as("the circuit closes when the downstream returns").isEqualTo(200);
        assertThat(circuitBreakers.circuitBreaker("notifications-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void fortyConcurrentCallsToOneDownstreamAllGetThrough() {
        FakeUpstream requests = upstream("requests-service");
        awaitRoutable("/requests-service/v3/api-docs", requests);
        TestRedis.flush();
        requests.delayMillis.set(500);
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/open-data/statistics"))
                    .timeout(java.time.Duration.ofSeconds(30)).build();
            List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(http.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofString()));
            }
            List<Integer> statuses = calls.stream().map(java.util.concurrent.CompletableFuture::join)
                    .map(java.net.http.HttpResponse::statusCode).toList();
            assertThat(statuses).as("no call refused for being one too many in flight").hasSize(40).containsOnly(200);
        } finally {
            requests.delayMillis.set(0);
            TestRedis.flush();
        }
        assertThat(circuitBreakers.circuitBreaker("requests-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aSlowDownstreamIsAGatewayTimeoutProblem() {
        FakeUpstream requests = upstream("requests-service");
        awaitRoutable("/requests-service/v3/api-docs", requests);
        requests.delayMillis.set(5000);
        try {
            EdgeIT.problem(client.get().uri("/api/v1/open-data/statistics").exchange(), 504);
        } finally {
            requests.delayMillis.set(0);
        }
    }

    @Test
    void onlyIdempotentMethodsAreRetried() {
        FakeUpstream requests = upstream("requests-service");
        awaitRoutable("/requests-service/v3/api-docs", requests);
        String token = Tokens.forUser("citizen.amina");

        requests.failNext.set(1);
        client.get().uri("/api/v1/requests").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk();
        assertThat(requests.received()).hasSize(2);

        requests.received().clear();
        requests.failNext.set(1);
        client.post().uri("/api/v1/requests").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503);
        assertThat(requests.received()).as("a POST is never sent twice").hasSize(1);
    }
}
