package io.huduma.platform.gatewaytest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.util.List;
import java.util.Map;

import io.huduma.platform.correlation.Correlation;
import io.huduma.platform.security.KeycloakJwt;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The reactive twin (the gateway's side): problem 401/403 with the bearer challenge, problems for
 * routing and input errors, the Caller, and the correlation id forwarded and echoed.
 */
// nothing listens on port 1: a real bearer token cannot be checked (tokens below are mocked)
@SpringBootTest(properties = {"spring.main.web-application-type=reactive", "huduma.keycloak.url=http://127.0.0.1:1"})
@AutoConfigureWebTestClient
class ReactiveProblemTest {

    private static final String TYPE = "https://huduma.go.tz/problems/";

    @Autowired
    WebTestClient client;

    private static JwtMutator token(String subject, String agency, String... roles) {
        return mockJwt()
                .jwt(jwt -> {
                    jwt.subject(subject).claim("realm_access", Map.of("roles", List.of(roles)));
                    if (agency != null) {
                        jwt.claim("agency", agency);
                    }
                })
                .authorities(KeycloakJwt::authorities);
    }

    private WebTestClient.BodyContentSpec isProblem(WebTestClient.ResponseSpec response, int status, String slug) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(TYPE + slug)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.instance").isNotEmpty()
                .jsonPath("$.correlationId").isNotEmpty();
    }

    @Test
    void anUnreachableIdentityProviderIsA503ProblemNotA500() {
        isProblem(client.get().uri("/gw/caller")
                .header(HttpHeaders.AUTHORIZATION, "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .exchange(), 503, "service-unavailable");
    }

    @Test
    void noTokenIsA401ProblemWithTheChallenge() {
        isProblem(client.get().uri("/gw/caller").exchange()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer")),
                401, "unauthenticated");
    }

    @Test
    void theWrongRoleIsA403Problem() {
        isProblem(client.mutateWith(token("officer-1", "brela", "agency-officer")).get().uri("/gw/citizen/me")
                .exchange()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                        value -> assertThat(value).contains("insufficient_scope")),
                403, "forbidden");
    }

    @Test
    void theCallerComesFromTheToken() {
        client.mutateWith(token("officer-7", "brela", "agency-officer")).get().uri("/gw/caller").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.subject").isEqualTo("officer-7")
                .jsonPath("$.agency").isEqualTo("brela")
                .jsonPath("$.roles[0]").isEqualTo("agency-officer")
                .jsonPath("$.anonymous").isEqualTo(false);
    }

    @Test
    void theCorrelationIdIsForwardedEchoedAndInTheContext() {
        client.get().uri("/gw/public/echo-correlation").header(Correlation.HTTP_HEADER, "gw-1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(Correlation.HTTP_HEADER, "gw-1")
                .expectBody()
                .jsonPath("$.forwarded").isEqualTo("gw-1")
                .jsonPath("$.context").isEqualTo("gw-1")
                .jsonPath("$.anonymous").isEqualTo(true);
    }

    @Test
    void aCorrelationIdIsCreatedWhenMissingAndForwarded() {
        client.get().uri("/gw/public/echo-correlation").exchange()
                .expectStatus().isOk()
                .expectHeader().value(Correlation.HTTP_HEADER, id -> assertThat(id).matches("[0-9a-f-]{36}"))
                .expectBody().jsonPath("$.forwarded").value(id -> assertThat((String) id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        isProblem(client.mutateWith(token("c", null, "citizen")).get().uri("/gw/nothing").exchange(), 404, "not-found")
                .jsonPath("$.instance").isEqualTo("/gw/nothing");
    }

    @Test
    void anApiProblemKeepsItsStatusAndDetail() {
        isProblem(client.get().uri("/gw/public/things/404").header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange(),
                404, "not-found")
                .jsonPath("$.detail").isEqualTo("No thing 404")
                .jsonPath("$.title").isEqualTo("Not found");
    }

    @Test
    void aTypeMismatchIsA400() {
        isProblem(client.get().uri("/gw/public/things/abc").exchange(), 400, "invalid-parameter");
    }

    @Test
    void anUnexpectedErrorIsA500WithoutInternals() {
        isProblem(client.get().uri("/gw/public/things/500").header(Correlation.HTTP_HEADER, "gw-500").exchange(),
                500, "internal-error")
                .jsonPath("$.correlationId").isEqualTo("gw-500")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("gw-500").doesNotContain("secret"));
    }

    @Test
    void anUnreachableServiceIsA503() {
        isProblem(client.get().uri("/gw/public/things/503").exchange(), 503, "service-unavailable")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain("refused"));
    }

    @Test
    void validationErrorsPointAtTheFields() {
        isProblem(client.mutateWith(token("c", null, "citizen")).post().uri("/gw/greetings")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\": \"\"}").exchange(),
                400, "validation-failed")
                .jsonPath("$.errors[0].pointer").isEqualTo("/text");
    }

    @Test
    void malformedJsonIsA400() {
        isProblem(client.mutateWith(token("c", null, "citizen")).post().uri("/gw/greetings")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\": ").exchange(),
                400, "malformed-body");
    }

    @Test
    void aWrongMethodIsA405AndAWrongContentTypeA415() {
        isProblem(client.mutateWith(token("c", null, "citizen")).delete().uri("/gw/greetings").exchange(),
                405, "method-not-allowed");
        isProblem(client.mutateWith(token("c", null, "citizen")).post().uri("/gw/greetings")
                .contentType(MediaType.TEXT_PLAIN).bodyValue("hi").exchange(),
                415, "unsupported-media-type");
    }
}
