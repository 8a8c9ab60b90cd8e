package io.huduma.platform.webtest;

import static io.huduma.testkit.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.huduma.platform.correlation.Correlation;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What only a real servlet container shows: errors that reach Boot's /error (a filter that
 * throws, a direct request), a chunked body over the limit (no Content-Length to refuse it by),
 * and the probes and API docs left open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // nothing listens on port 1: the identity provider is unreachable for this test
        properties = {"huduma.web.max-body-size=1KB", "huduma.keycloak.url=http://127.0.0.1:1"})
class ServletServerProblemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    /** A problem whose correlation id is also the one echoed in the response header. */
    private static JsonNode problem(HttpResponse<String> response, int status, String slug) {
        JsonNode body = assertProblem(response, status, slug);
        assertThat(body.path("correlationId").asString())
                .isEqualTo(response.headers().firstValue(Correlation.HTTP_HEADER).orElseThrow());
        return body;
    }

    @Test
    void aFilterThatThrowsIsA500ProblemThroughTheErrorPath() throws Exception {
        HttpResponse<String> response = send(request("/test/public/hello")
                .header("X-Explode", "yes").header(Correlation.HTTP_HEADER, "boom-1"));
        JsonNode body = problem(response, 500, "internal-error");
        assertThat(body.path("correlationId").asString()).isEqualTo("boom-1");
        assertThat(body.path("instance").asString()).isEqualTo("/test/public/hello");
        assertThat(response.body()).doesNotContain("secret internals").doesNotContain("IllegalStateException")
                .doesNotContain("trace");
    }

    @Test
    void anUnreachableIdentityProviderIsA503ProblemNotA500() throws Exception {
        HttpResponse<String> response = send(request("/test/public/hello")
                .header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"));

        problem(response, 503, "service-unavailable");
    }

    @Test
    void theErrorPathItselfAnswersAProblem() throws Exception {
        problem(send(request("/error").header("Accept", "text/html")), 404, "not-found");
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413() throws Exception {
        byte[] big = ("x".repeat(4096)).getBytes();
        HttpResponse<String> response = send(request("/test/public/echo")
                .header("Content-Type", "text/plain")
                // an InputStream publisher has no length: the body goes chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        problem(response, 413, "payload-too-large");
    }

    @Test
    void aChunkedBodyUnderTheLimitPasses() throws Exception {
        byte[] small = "hello".getBytes();
        HttpResponse<String> response = send(request("/test/public/echo")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("length").asInt()).isEqualTo(5);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsA413() throws Exception {
        HttpResponse<String> response = send(request("/test/public/echo")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("y".repeat(4096))));
        problem(response, 413, "payload-too-large");
    }

    @Test
    void anUnknownRouteWithoutATokenIsA401Problem() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/nothing"));
        problem(response, 401, "unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
    }
}
