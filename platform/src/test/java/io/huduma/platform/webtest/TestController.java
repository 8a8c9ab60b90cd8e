package io.huduma.platform.webtest;

import java.util.List;
import java.util.Map;

import io.huduma.platform.problem.ApiProblem;
import io.huduma.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that fail in every way the platform must render as a problem. */
@RestController
class TestController {

    /** Absent in the MVC slice tests (no tracing there), present in the full-context ones. */
    private final org.springframework.beans.factory.ObjectProvider<io.micrometer.tracing.Tracer> tracer;

    TestController(org.springframework.beans.factory.ObjectProvider<io.micrometer.tracing.Tracer> tracer) {
        this.tracer = tracer;
    }

    record Name(@NotBlank String sw, @NotBlank String en) {
    }

    record Fee(@NotNull @Positive Long amount, @NotBlank String currency) {
    }

    record Thing(@NotNull @Valid Name name, @Valid List<Fee> fees, Integer count) {
    }

    @PostMapping(path = "/test/things", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> create(@Valid @RequestBody Thing thing) {
        return Map.of("name", thing.name().sw(), "count", thing.count() == null ? 0 : thing.count());
    }

    @PostMapping(path = {"/test/echo", "/test/public/echo"}, consumes = MediaType.TEXT_PLAIN_VALUE)
    Map<String, Object> echo(@RequestBody String body) {
        return Map.of("length", body.length());
    }

    @GetMapping(path = "/test/things", produces = MediaType.APPLICATION_JSON_VALUE)
    List<String> list() {
        return List.of("one");
    }

    @GetMapping("/test/things/{id}")
    Map<String, Object> one(@PathVariable Long id) {
        if (id == 404) {
            throw ApiProblem.notFound("No thing " + id);
        }
        if (id == 409) {
            throw ApiProblem.conflict("Thing " + id + " is already published");
        }
        if (id == 422) {
            throw ApiProblem.unprocessable("The form does not match its schema",
                    List.of(new ApiProblem.Violation("/form/phone", "must be an E.164 number")));
        }
        if (id == 418) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "thing-retired", "Thing 418 is retired", null);
        }
        if (id == 23505) {
            throw new DataIntegrityViolationException("duplicate key value violates unique constraint \"thing_pk\"");
        }
        if (id == 500) {
            throw new IllegalStateException("secret internals: password=hunter2");
        }
        if (id == 4000) {
            throw io.huduma.platform.domain.DomainException.invalid("/phoneNumber", "is not a mobile number");
        }
        if (id == 4290) {
            throw io.huduma.platform.domain.DomainException.tooMany("Too many codes for this number", 42);
        }
        if (id == 4030) {
            throw io.huduma.platform.domain.DomainException.notAllowed("Not your agency");
        }
        return Map.of("id", id);
    }

    @GetMapping("/test/search")
    List<String> search(@RequestParam String q, @RequestParam(defaultValue = "20") @Max(100) int size) {
        return List.of(q + ":" + size);
    }

    /** The trace this request belongs to, as the service's own tracer sees it. */
    @GetMapping("/test/public/trace")
    Map<String, Object> trace() {
        io.micrometer.tracing.Tracer current = tracer.getIfAvailable();
        io.micrometer.tracing.Span span = current == null ? null : current.currentSpan();
        return span == null ? Map.of() : Map.of("traceId", span.context().traceId(), "spanId", span.context().spanId());
    }

    @GetMapping("/test/public/hello")
    Map<String, Object> hello(Caller caller) {
        return Map.of("anonymous", caller.isAnonymous());
    }

    @GetMapping("/test/public/admin-only")
    @PreAuthorize("hasRole('platform-admin')")
    Map<String, Object> adminOnly() {
        return Map.of("ok", true);
    }

    @GetMapping("/test/citizen/me")
    Map<String, Object> citizen(Caller caller) {
        return Map.of("subject", caller.subject());
    }

    @GetMapping("/test/caller")
    Map<String, Object> caller(Caller caller) {
        return Map.of(
                "subject", String.valueOf(caller.subject()),
                "roles", caller.roles(),
                "agency", String.valueOf(caller.agency()),
                "anonymous", caller.isAnonymous());
    }
}
