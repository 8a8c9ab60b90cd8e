package io.huduma.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import io.huduma.platform.language.Language;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

    @Test
    void aProblemHasTheHudumaTypeAndALocalizedTitle() {
        ProblemDetail sw = Problems.create(HttpStatus.NOT_FOUND, "not-found", null, Language.SW.locale(), "/x");
        ProblemDetail en = Problems.create(HttpStatus.NOT_FOUND, "not-found", null, Language.EN.locale(), "/x");

        assertThat(sw.getType()).hasToString("https://huduma.go.tz/problems/not-found");
        assertThat(sw.getTitle()).isEqualTo("Haikupatikana");
        assertThat(sw.getDetail()).isEqualTo("Hakuna kitu katika /x.");
        assertThat(en.getTitle()).isEqualTo("Not found");
    }

    @Test
    void aTitleMissingInSwahiliFallsBackToEnglishThenToTheStatus() {
        // "precondition-failed.detail" exists in neither bundle; the title exists in both
        assertThat(Problems.create(HttpStatus.PRECONDITION_FAILED, "precondition-failed", null, Language.SW.locale())
                .getTitle()).isEqualTo("Sharti la awali halijatimizwa");
        assertThat(Problems.create(HttpStatus.I_AM_A_TEAPOT, "teapot", "short and stout", Language.SW.locale())
                .getTitle()).isEqualTo("I'm a teapot");
        assertThat(Problems.create(HttpStatus.BAD_GATEWAY, "bad-gateway", null, Locale.GERMAN).getTitle())
                .isEqualTo("Bad gateway");
    }

    @Test
    void aDetailNeedingAnArgumentIsLeftOutWithoutOne() {
        assertThat(Problems.create(HttpStatus.NOT_FOUND, "not-found", null, Language.EN.locale()).getDetail()).isNull();
    }

    @Test
    void apiProblemsCarryTheirViolations() {
        ProblemDetail problem = Problems.of(ApiProblem.badRequest("bad",
                List.of(new ApiProblem.Violation("/name/sw", "is required"))), Language.EN.locale());

        assertThat(problem.getType()).hasToString("https://huduma.go.tz/problems/validation-failed");
        assertThat(problem.getProperties()).containsKey("errors");
        assertThat(new String(ProblemJson.bytes(Problems.finish(problem, "/a", "c-1"))))
                .contains("\"errors\":[{\"pointer\":\"/name/sw\",\"message\":\"is required\"}]")
                .contains("\"correlationId\":\"c-1\"")
                .contains("\"instance\":\"/a\"")
                .doesNotContain("properties");
    }

    @Test
    void slugsAreKebabCase() {
        assertThatThrownBy(() -> ApiProblem.of(HttpStatus.CONFLICT, "Not Kebab", "x", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ApiProblem.of(HttpStatus.CONFLICT, "service-retired", "x", null).slug()).isEqualTo("service-retired");
    }
}
