package io.huduma.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.huduma.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class DomainExceptionTest {

    @Test
    void eachKindMapsToItsProblem() {
        assertThat(ApiProblem.from(DomainException.notFound("x")).status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiProblem.from(DomainException.conflict("x")).status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ApiProblem.from(DomainException.notAllowed("x")).status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ApiProblem.from(DomainException.invalid("/phoneNumber", "is not a mobile number")))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(problem.slug()).isEqualTo("validation-failed");
                    assertThat(problem.violations()).containsExactly(
                            new ApiProblem.Violation("/phoneNumber", "is not a mobile number"));
                });
        assertThat(ApiProblem.from(DomainException.unprocessable("x", List.of())).status())
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(ApiProblem.from(DomainException.stale("x")).status()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(ApiProblem.from(DomainException.tooMany("x", 42))).satisfies(problem -> {
            assertThat(problem.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(problem.retryAfterSeconds()).isEqualTo(42);
        });
        assertThat(ApiProblem.from(DomainException.unavailable("x")).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aNestedRulesPathsMoveUnderThePrefix() {
        DomainException moved = DomainException.unprocessable("Bad answers",
                List.of(new DomainException.FieldError("/age", "too young"), new DomainException.FieldError("name", "missing")))
                .under("/answers");
        assertThat(moved.errors()).extracting(DomainException.FieldError::field).containsExactly("/answers/age", "/answers/name");
        assertThat(moved.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
    }
}
