package io.huduma.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.huduma.testkit.Eureka;
import io.huduma.testkit.HudumaTestProperties;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on the real Eureka and Keycloak: routes by Eureka id, publishes only the OpenAPI
 * document of a service, passes a valid token on and stops a bad one at the edge.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class GatewayRoutingIT extends GatewayIT {

    private static FakeUpstream catalog;

    @BeforeAll
    static void startUpstream() throws Exception {
        catalog = new FakeUpstream("service-catalog");
    }

    @AfterAll
    static void stopUpstream() {
        catalog.close();
    }

    @Autowired
    DiscoveryClient discovery;

    @BeforeEach
    void clear() {
        catalog.received().clear();
    }

    @Test
    void startsHealthyAndRegistersInEureka() {
        assertThat(Eureka.awaitInstance("gateway", port, Duration.ofSeconds(30)).status()).isEqualTo("UP");
        client(managementPort).get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void publishesAServicesOpenApiDocumentByItsEurekaId() {
        awaitRoutable();

        client.get().uri("/service-catalog/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.info.title").isEqualTo("service-catalog");
        assertThat(catalog.received()).anySatisfy(r -> assertThat(r.path()).isEqualTo("/v3/api-docs"));
    }

    @Test
    void servesItsOwnOpenApiDocumentAndAnApiBrowserListingEveryService() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").exists();
        client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[?(@.name == 'service-catalog')].url").isEqualTo("/service-catalog/v3/api-docs")
                .jsonPath("$.urls.length()").isEqualTo(5);
    }

    @Test
    void doesNotPublishAnythingElseOfAService() {
        client.get().uri("/service-catalog/actuator/health").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(catalog.received()).isEmpty();
    }

    @Test
    void logsOneLinePerRequestWithoutTokens(org.springframework.boot.test.system.CapturedOutput output) {
        awaitRoutable();
        String token = Tokens.forUser("citizen.amina");
        client.get().uri("/api/v1/services?q=secret-query").header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "access-log-probe-1").exchange().expectStatus().isOk();
        // the line is written when the exchange completes, which may be just after the client has the answer
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && !output.getAll().contains("requestId=access-log-probe-1")) {
            sleep(100);
        }
        String line = output.getAll().lines().filter(l -> l.contains("requestId=access-log-probe-1")).findFirst().orElseThrow();
        assertThat(line).contains("GET /api/v1/services 200").contains("route=service-catalog-api").contains("client=127.0.0.1")
                .doesNotContain(token.substring(0, 20)).doesNotContain("secret-query").doesNotContain("Bearer");
    }

    @Test
    void passesAValidTokenAndACorrelationIdToTheService() {
        awaitRoutable();
        String token = Tokens.forUser("citizen.amina");

        client.get().uri("/api/v1/services").header("Authorization", "Bearer " + token)
                .header("X-Correlation-Id", "probe-correlation-1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "probe-correlation-1");

        FakeUpstream.Received received = catalog.received().get(catalog.received().size() - 1);
        assertThat(received.path()).isEqualTo("/api/v1/services");
        assertThat(received.headers().get("Authorization")).containsExactly("Bearer " + token);
        assertThat(received.headers().get("X-correlation-id")).containsExactly("probe-correlation-1");
    }

    @Test
    void anonymousCallsReachPublicRoutes() {
        awaitRoutable();

        client.get().uri("/api/v1/services").exchange().expectStatus().isOk();
    }

    @Test
    void stopsATamperedTokenAtTheEdge() {
        String tampered = Tokens.tamperSignature(Tokens.forUser("citizen.amina"));

        client.get().uri("/api/v1/services").header("Authorization", "Bearer " + tampered).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
        assertThat(catalog.received()).isEmpty();
    }

    @Test
    void stopsATokenFromAnotherIssuerAndOneWithoutSignature() {
        client.get().uri("/api/v1/services").header("Authorization", "Bearer " + Tokens.fromElsewhere()).exchange()
                .expectStatus().isUnauthorized();
        client.get().uri("/api/v1/services")
                .header("Authorization", "Bearer " + Tokens.algNone(Tokens.forUser("citizen.amina"))).exchange()
                .expectStatus().isUnauthorized();
        assertThat(catalog.received()).isEmpty();
    }

    @Test
    void servesMetricsAndHealthForOperatorsOnTheManagementPortOnly() {
        awaitRoutable();
        client.get().uri("/api/v1/services").exchange().expectStatus().isOk();
        String metrics = client(managementPort).get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).as("requests per route and status").containsPattern(
                "spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"service-catalog-api\"[^}]*status=\"OK\"");
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    }

    /** Waits until the gateway's Eureka client has fetched the fake instance. */
    private void awaitRoutable() {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            int status = client.get().uri("/service-catalog/v3/api-docs").exchange()
                    .returnResult(String.class).getStatus().value();
            if (status == 200) {
                catalog.received().clear();
                closeCircuits();
                return;
            }
            sleep();
        }
        throw new AssertionError("the gateway never routed to the fake service-catalog instance; it knows "
                + discovery.getServices() + " and service-catalog at "
                + discovery.getInstances("service-catalog").stream().map(i -> i.getUri().toString()).toList());
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
