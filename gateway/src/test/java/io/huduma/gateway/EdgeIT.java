package io.huduma.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;

/**
 * The edge itself, with real Keycloak tokens, to a real HTTP upstream registered in Eureka as identity:
 * what is refused before any route, which headers a client cannot forge, what every response carries.
 */
class EdgeIT extends GatewayIT {

    private FakeUpstream identity;

    @BeforeEach
    void identityUp() {
        identity = upstream("identity");
        awaitRoutable("/identity/v3/api-docs", identity);
    }

    @Test
    void anythingNotRoutedIsANotFoundProblem() {
        for (String path : List.of("/nothing-here", "/api/v2/services", "/identity/actuator/health", "/actuator/env")) {
            problem(client.get().uri(path).exchange(), 404);
        }
        assertThat(identity.received()).isEmpty();
    }

    @Test
    void pathsThatCouldReachAServicesActuatorAfterNormalisationAreRefused() {
        for (String path : List.of("/api/v1/identity/../../actuator/health", "/api/v1/identity/%2e%2e/%2e%2e/actuator/env",
                "/api/v1/identity/..%2f..%2factuator", "/api/v1/identity/me;jsessionid=1", "/api/v1/identity//me")) {
            problem(client.get().uri(URI.create("http://127.0.0.1:" + port + path)).exchange(), 400);
        }
        assertThat(identity.received()).isEmpty();
    }

    @Test
    void grpcIsNeverProxied() {
        problem(client.post().uri("/api/v1/identity/huduma.identity.v1.IdentityService/GetContact")
                .header(HttpHeaders.CONTENT_TYPE, "application/grpc").bodyValue(new byte[] {0, 0, 0, 0, 0}).exchange(), 415);
        assertThat(identity.received()).isEmpty();
    }

    @Test
    void headersThatCarryTrustAreSetByTheGatewayOnly() {
        String token = Tokens.forUser("citizen.amina");
        client.get().uri("/api/v1/identity/me").header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", "6.6.6.6").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").header("Forwarded", "for=6.6.6.6;proto=https")
                .header("X-Real-IP", "6.6.6.6").header("X-Huduma-Subject", "someone-else")
                .header("X-Huduma-Roles", "platform-admin").exchange()
                .expectStatus().isOk();

        FakeUpstream.Received received = identity.last();
        assertThat(received.headers().get("X-forwarded-for")).containsExactly("127.0.0.1");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(received.headerNames()).doesNotContain("forwarded", "x-real-ip", "x-huduma-subject", "x-huduma-roles");
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void oneCorrelationIdAndOneRequestIdComeBack() {
        EntityExchangeResult<byte[]> sent = client.get().uri("/api/v1/identity/me")
                .header("Authorization", "Bearer " + Tokens.forUser("citizen.amina"))
                .header("X-Correlation-Id", "probe-correlation-7").header("X-Request-Id", "probe-request-7").exchange()
                .expectStatus().isOk().expectBody().returnResult();
        assertThat(sent.getResponseHeaders().get("X-Correlation-Id")).containsExactly("probe-correlation-7");
        assertThat(sent.getResponseHeaders().get("X-Request-Id")).containsExactly("probe-request-7");
        assertThat(identity.last().header("X-Request-Id")).isEqualTo("probe-request-7");

        EntityExchangeResult<byte[]> created = client.get().uri("/api/v1/identity/me")
                .header("Authorization", "Bearer " + Tokens.forUser("citizen.amina"))
                .header("X-Request-Id", "not a valid id <script>").exchange()
                .expectStatus().isOk().expectBody().returnResult();
        assertThat(created.getResponseHeaders().get("X-Correlation-Id")).hasSize(1);
        assertThat(created.getResponseHeaders().get("X-Request-Id")).hasSize(1)
                .allSatisfy(id -> assertThat(id).matches("[0-9a-f-]{36}"));
        assertThat(identity.last().header("X-Request-Id")).isEqualTo(created.getResponseHeaders().getFirst("X-Request-Id"));
    }

    @Test
    void theCallersW3cTraceContinuesToTheServiceInOneTraceparent() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        client.get().uri("/api/v1/identity/me").header("Authorization", "Bearer " + Tokens.forUser("citizen.amina"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").exchange().expectStatus().isOk();
        List<String> continued = identity.last().headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("traceparent")).flatMap(e -> e.getValue().stream()).toList();
        assertThat(continued).as("one traceparent, the gateway's own span as the parent").singleElement().asString()
                .matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain("00f067aa0ba902b7");

        client.get().uri("/api/v1/identity/me").header("Authorization", "Bearer " + Tokens.forUser("citizen.amina"))
                .exchange().expectStatus().isOk();
        assertThat(identity.last().header("traceparent")).as("a trace started at the edge")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotContain(traceId);
    }

    @Test
    void securityHeadersOnceOnEveryAnswer() {
        EntityExchangeResult<byte[]> proxied = client.get().uri("/identity/v3/api-docs").exchange()
                .expectStatus().isOk().expectBody().returnResult();
        EntityExchangeResult<byte[]> own = client.get().uri("/nothing-here").exchange()
                .expectStatus().isNotFound().expectBody().returnResult();
        for (EntityExchangeResult<byte[]> result : List.of(proxied, own)) {
            HttpHeaders headers = result.getResponseHeaders();
            assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(headers.get("X-Frame-Options")).containsExactly("DENY");
            assertThat(headers.get("Referrer-Policy")).containsExactly("no-referrer");
            assertThat(headers.get("Strict-Transport-Security")).as("HSTS only behind TLS").isNull();
        }
    }

    @Test
    void overLongTargetsAndHeadersAreProblems() {
        problem(client.get().uri("/api/v1/services?q=" + "a".repeat(10_000)).exchange(), 414);
        problem(client.get().uri("/api/v1/services").header("X-Big", "b".repeat(64 * 1024)).exchange(), 431);
        assertThat(identity.received()).isEmpty();
    }

    @Test
    void bodiesOverTheLimitAreProblemsWhetherSizedOrChunked() {
        String token = Tokens.forUser("citizen.amina");
        problem(client.patch().uri("/api/v1/identity/me").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"x\":\"" + "y".repeat(100 * 1024) + "\"}").exchange(), 413);
        assertThat(identity.received()).isEmpty();

        Flux<DataBuffer> chunked = Flux.range(0, 100).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[1024]));
        WebTestClient.ResponseSpec answer = client.patch().uri("/api/v1/identity/me").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(chunked, DataBuffer.class).exchange();
        problem(answer, 413);

        client.patch().uri("/api/v1/identity/me").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Amina\"}").exchange()
                .expectStatus().isOk();
    }

    @Test
    void protectedRoutesNeedAValidTokenAtTheEdge() {
        String token = Tokens.forUser("citizen.amina");
        problem(client.get().uri("/api/v1/identity/me").exchange(), 401);
        problem(client.get().uri("/api/v1/identity/me").header("Authorization", "Bearer " + Tokens.tamperSignature(token)).exchange(), 401);
        problem(client.get().uri("/api/v1/identity/me").header("Authorization", "Bearer " + Tokens.expired("citizen.amina")).exchange(), 401);
        problem(client.get().uri("/api/v1/identity/me").header("Authorization", "Bearer " + Tokens.algNone(token)).exchange(), 401);
        problem(client.get().uri("/api/v1/identity/me").header("Authorization", "Bearer " + Tokens.fromElsewhere()).exchange(), 401);
        assertThat(identity.received()).isEmpty();

        client.post().uri("/api/v1/identity/password-resets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"phoneNumber\":\"+255700000001\"}").exchange().expectStatus().isOk();
        assertThat(identity.last().path()).as("sign-up and resets are public").isEqualTo("/api/v1/identity/password-resets");
    }

    @Test
    void browsersFromConfiguredOriginsOnly() {
        client.options().uri("/api/v1/identity/me").header("Origin", "https://portal.huduma.example")
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "Authorization")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://portal.huduma.example");
        client.options().uri("/api/v1/identity/me").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET").exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
        client.get().uri("/identity/v3/api-docs").header("Origin", "https://portal.huduma.example").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://portal.huduma.example");
        assertThat(identity.received()).extracting(FakeUpstream.Received::method).doesNotContain("OPTIONS");
    }

    /** The gateway's own answer: a problem with the status, its correlation id and one content type. */
    static void problem(WebTestClient.ResponseSpec response, int status) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Correlation-Id")
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.correlationId").exists();
    }
}
