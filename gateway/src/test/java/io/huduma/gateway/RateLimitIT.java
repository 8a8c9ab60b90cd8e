package io.huduma.gateway;

import static org.assertj.core.api.Assertions.assertThat;


import io.huduma.testkit.Infra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The limiter on a real redis-server: trips with a 429 problem and Retry-After, recovers, and is
 * shared by a second gateway on the same Redis (a caller cannot double its budget by switching replica).
 * The sign-up budget here is 3 per 6 s (see {@link GatewayIT}).
 */
class RateLimitIT extends GatewayIT {

    private static ConfigurableApplicationContext second;

    private FakeUpstream identity;

    @BeforeEach
    void identityUp() {
        identity = upstream("identity");
        awaitRoutable("/identity/v3/api-docs", identity);
        TestRedis.flush();
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void signUpTripsAt429WithRetryAfterAndRecovers() {
        for (int i = 0; i < 3; i++) {
            signUp(client).expectStatus().isOk();
        }
        EntityExchangeResult<byte[]> refused = signUp(client).expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(429).returnResult();
        long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 6L);
        assertThat(identity.received()).hasSize(3);

        sleep(retryAfter * 1000 + 200);
        signUp(client).expectStatus().isOk();
        assertThat(identity.received()).hasSize(4);
    }

    @Test
    void everyReplicaDrawsFromTheSameBucketInRedis() {
        WebTestClient other = client(secondGateway());
        for (int i = 0; i < 3; i++) {
            signUp(client).expectStatus().isOk();
        }
        signUp(other).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        assertThat(identity.received()).hasSize(3);
    }

    @Test
    void ordinaryRoutesHaveTheirOwnLargerBudget() {
        for (int i = 0; i < 3; i++) {
            signUp(client).expectStatus().isOk();
        }
        signUp(client).expectStatus().isEqualTo(429);
        client.get().uri("/identity/v3/api-docs").exchange().expectStatus().isOk()
                .expectHeader().exists("RateLimit-Remaining");
    }

    private static WebTestClient.ResponseSpec signUp(WebTestClient client) {
        return client.post().uri("/api/v1/identity/registrations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"phoneNumber\":\"+255700000001\"}").exchange();
    }

    /** A second gateway, same configuration, same Redis. */
    private static int secondGateway() {
        if (second == null) {
            // command-line arguments: they outrank application.yaml, as the test context's properties do
            second = new SpringApplicationBuilder(GatewayApplication.class, FakesOnly.class).run(
                    "--server.port=0",
                    "--management.server.port=0",
                    "--huduma.keycloak.url=" + Infra.keycloakUrl(),
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + Infra.issuer(),
                    "--eureka.client.service-url.defaultZone=" + Infra.eurekaServiceUrl(),
                    "--eureka.client.register-with-eureka=false",
                    "--eureka.client.registry-fetch-interval-seconds=1",
                    "--spring.kafka.bootstrap-servers=" + Infra.kafkaBootstrapServers(),
                    "--spring.grpc.client.channels.service-catalog.address=" + CatalogDouble.address(),
                    "--huduma.gateway.rate-limits.redis-url=" + TestRedis.uri(),
                    "--huduma.gateway.rate-limits.sensitive.requests=3",
                    "--huduma.gateway.rate-limits.sensitive.period=6s");
        }
        return Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }
}
