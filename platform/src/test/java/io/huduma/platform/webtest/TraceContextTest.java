package io.huduma.platform.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A servlet service continues the W3C trace its caller (the gateway) sends in {@code traceparent}, and
 * starts one of its own when there is none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the same context as ServletServerProblemTest (shared by the test framework)
        properties = {"huduma.web.max-body-size=1KB", "huduma.keycloak.url=http://127.0.0.1:1"})
class TraceContextTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_ID = "00f067aa0ba902b7";

    @LocalServerPort
    int port;

    private JsonNode trace(String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/public/trace"));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void theCallersTraceIsContinuedInANewSpan() throws Exception {
        JsonNode trace = trace("00-" + TRACE_ID + "-" + PARENT_ID + "-01");
        assertThat(trace.path("traceId").asString()).isEqualTo(TRACE_ID);
        assertThat(trace.path("spanId").asString()).matches("[0-9a-f]{16}").isNotEqualTo(PARENT_ID);
    }

    @Test
    void withoutATraceparentTheServiceStartsATrace() throws Exception {
        JsonNode first = trace(null);
        JsonNode second = trace(null);
        assertThat(first.path("traceId").asString()).matches("[0-9a-f]{32}");
        assertThat(second.path("traceId").asString()).matches("[0-9a-f]{32}").isNotEqualTo(first.path("traceId").asString());
    }

    @Test
    void aMalformedTraceparentIsIgnoredNotAnError() throws Exception {
        JsonNode trace = trace("00-not-a-trace-01");
        assertThat(trace.path("traceId").asString()).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
    }
}
