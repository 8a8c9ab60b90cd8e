package io.huduma.platform.problem;

import java.util.List;
import java.util.Objects;

import io.huduma.platform.domain.DomainException;
import org.springframework.http.HttpStatus;

/**
 * An expected failure a service throws to answer with an RFC 9457 problem (never a 500):
 * {@code throw ApiProblem.notFound("No service " + id)}.
 */
public class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String slug;
    private final transient List<Violation> violations;
    private final long retryAfterSeconds;

    protected ApiProblem(HttpStatus status, String slug, String detail, List<Violation> violations) {
        this(status, slug, detail, violations, 0);
    }

    protected ApiProblem(HttpStatus status, String slug, String detail, List<Violation> violations,
            long retryAfterSeconds) {
        // a client's mistake, not a bug: a stack trace would only cost time
        super(detail, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        if (slug == null || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("A problem slug is lower-case-kebab: " + slug);
        }
        this.slug = slug;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 404: the thing asked for does not exist (or the caller may not know it exists). */
    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", detail, List.of());
    }

    /** 409: the request clashes with the current state (duplicate, wrong state, stale version). */
    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "conflict", detail, List.of());
    }

    /** 403: the caller is known but may not do this (wrong role, agency or owner). */
    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", detail, List.of());
    }

    /** 400 with the fields at fault. */
    public static ApiProblem badRequest(String detail, List<Violation> violations) {
        return new ApiProblem(HttpStatus.BAD_REQUEST,
                violations == null || violations.isEmpty() ? "bad-request" : "validation-failed", detail, violations);
    }

    /** 422: well-formed, but the content breaks a rule (e.g. a form that does not match its schema). */
    public static ApiProblem unprocessable(String detail, List<Violation> violations) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", detail, violations);
    }

    /** 412: an {@code If-Match} precondition did not hold. */
    public static ApiProblem preconditionFailed(String detail) {
        return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed", detail, List.of());
    }

    /** 413: the request body is larger than the service accepts. */
    public static ApiProblem payloadTooLarge(String detail) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", detail, List.of());
    }

    /** 429 with {@code Retry-After}: too many attempts, try again after that many seconds. */
    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", detail, List.of(),
                Math.max(1, retryAfterSeconds));
    }

    /** 503: a dependency is out of reach for now; the caller may retry. */
    public static ApiProblem serviceUnavailable(String detail) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", detail, List.of());
    }

    /**
     * The problem a domain refusal answers with: not found 404, conflict 409, not allowed 403,
     * invalid 400, unprocessable 422, stale 412, too many 429, unavailable 503.
     */
    public static ApiProblem from(DomainException refusal) {
        List<Violation> violations = refusal.errors().stream()
                .map(error -> new Violation(error.field(), error.message()))
                .toList();
        String detail = refusal.getMessage();
        return switch (refusal.kind()) {
            case NOT_FOUND -> notFound(detail);
            case CONFLICT -> conflict(detail);
            case NOT_ALLOWED -> forbidden(detail);
            case INVALID -> badRequest(detail, violations);
            case UNPROCESSABLE -> unprocessable(detail, violations);
            case STALE -> preconditionFailed(detail);
            case TOO_MANY -> tooManyRequests(detail, refusal.retryAfterSeconds());
            case UNAVAILABLE -> serviceUnavailable(detail);
        };
    }

    /**
     * Any other status, with a slug of the service's own: the type becomes
     * {@code https://huduma.go.tz/problems/<slug>}.
     */
    public static ApiProblem of(HttpStatus status, String slug, String detail, List<Violation> violations) {
        return new ApiProblem(status, slug, detail, violations);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String detail() {
        return getMessage();
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Seconds for a {@code Retry-After} header, 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * One thing wrong with the request: {@code pointer} is a JSON pointer into the body
     * ({@code /name/sw}, {@code /fees/0/amount}) or, for a query/path parameter, its name.
     */
    public record Violation(String pointer, String message) {
    }
}
