package io.huduma.platform.problem;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import tools.jackson.databind.json.JsonMapper;

/** Serializes problems where no message converter is at hand (filters, entry points, WebFlux handlers). */
public final class ProblemJson {

    // extension members ("correlationId", "errors") at the top level, as RFC 9457 wants them
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private ProblemJson() {
    }

    public static byte[] bytes(ProblemDetail problem) {
        return MAPPER.writeValueAsBytes(problem);
    }
}
