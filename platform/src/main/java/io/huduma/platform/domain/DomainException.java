package io.huduma.platform.domain;

import java.util.List;
import java.util.Objects;

/**
 * A rule of a service's domain said no. Model types and use cases throw this (never an HTTP or
 * gRPC type); the platform's adapters turn it into a problem ({@code 404}, {@code 409},
 * {@code 403}, {@code 400}, {@code 422}, {@code 412}, {@code 429}, {@code 503}) or a gRPC status:
 * {@code throw DomainException.notFound("No agency has the code 'x'")}.
 */
public class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal this is; each adapter maps a kind to its own status code. */
    public enum Kind {
        /** The thing does not exist, or the caller may not know that it exists. */
        NOT_FOUND,
        /** Clashes with the current state: a duplicate, a transition the state does not allow. */
        CONFLICT,
        /** The caller is known but may not do this (wrong role, agency or owner). */
        NOT_ALLOWED,
        /** The input is malformed: a field is missing, too long, of the wrong form. */
        INVALID,
        /** Well-formed input that breaks a business rule (e.g. answers that do not match a form). */
        UNPROCESSABLE,
        /** The caller acted on a version of the thing that is no longer current. */
        STALE,
        /** Too many attempts; the caller may try again later. */
        TOO_MANY,
        /** Something the rule depends on is out of reach for now; the caller may retry. */
        UNAVAILABLE
    }

    /**
     * One thing wrong with the input: {@code field} is where it sits, as a JSON pointer into
     * the body the adapter received ({@code /contactPhone}, {@code /answers/age}) or the name of
     * a parameter.
     */
    public record FieldError(String field, String message) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    private final Kind kind;
    private final transient List<FieldError> errors;
    private final long retryAfterSeconds;

    protected DomainException(Kind kind, String message, List<FieldError> errors, long retryAfterSeconds) {
        // an expected refusal, not a bug: a stack trace would only cost time
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, message, List.of(), 0);
    }

    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, message, List.of(), 0);
    }

    public static DomainException notAllowed(String message) {
        return new DomainException(Kind.NOT_ALLOWED, message, List.of(), 0);
    }

    public static DomainException invalid(String message, List<FieldError> errors) {
        return new DomainException(Kind.INVALID, message, errors, 0);
    }

    /** Invalid input at one field. */
    public static DomainException invalid(String field, String message) {
        return invalid(message, List.of(new FieldError(field, message)));
    }

    public static DomainException unprocessable(String message, List<FieldError> errors) {
        return new DomainException(Kind.UNPROCESSABLE, message, errors, 0);
    }

    public static DomainException stale(String message) {
        return new DomainException(Kind.STALE, message, List.of(), 0);
    }

    public static DomainException tooMany(String message, long retryAfterSeconds) {
        return new DomainException(Kind.TOO_MANY, message, List.of(), Math.max(1, retryAfterSeconds));
    }

    public static DomainException unavailable(String message) {
        return new DomainException(Kind.UNAVAILABLE, message, List.of(), 0);
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** For {@link Kind#TOO_MANY}: seconds after which a retry may succeed (0 otherwise). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The same refusal with each field error's path placed under {@code prefix} (e.g. {@code /answers}). */
    public DomainException under(String prefix) {
        List<FieldError> moved = errors.stream()
                .map(error -> new FieldError(prefix + (error.field().startsWith("/") ? "" : "/") + error.field(),
                        error.message()))
                .toList();
        return new DomainException(kind, getMessage(), moved, retryAfterSeconds);
    }
}
