package io.huduma.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Assertions on the platform's RFC 9457 problem responses, as a client sees them over HTTP. */
public final class ProblemResponses {

    /** Every problem type URI starts with this; the slug follows. */
    public static final String TYPE_BASE = "https://huduma.go.tz/problems/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    /**
     * Asserts an {@code application/problem+json} answer with this status and type slug, a title,
     * an instance and a correlation id, and returns its body for further checks.
     */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asString()).isEqualTo(TYPE_BASE + slug);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("instance").asString()).isNotBlank();
        assertThat(body.path("correlationId").asString()).isNotBlank();
        return body;
    }

    /** A refused bearer token: a 401 problem with a {@code Bearer ... invalid_token} challenge. */
    public static JsonNode assertRejectedToken(HttpResponse<String> response) {
        JsonNode body = assertProblem(response, 401, "unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
        return body;
    }
}
