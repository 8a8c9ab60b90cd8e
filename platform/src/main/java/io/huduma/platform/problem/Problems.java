package io.huduma.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the platform's RFC 9457 problems: {@code type} under {@link #TYPE_BASE}, a title in the
 * caller's language, {@code instance}, {@code correlationId} and {@code errors}. Used by every
 * place that answers an error (controller advice, /error, security entry points, filters).
 */
public final class Problems {

    /** Every problem type is {@code TYPE_BASE + slug}. */
    public static final String TYPE_BASE = "https://huduma.go.tz/problems/";
    /** Extension member holding the correlation id. */
    public static final String CORRELATION_ID = "correlationId";
    /** Extension member holding the list of {@link ApiProblem.Violation}s. */
    public static final String ERRORS = "errors";

    private static final Map<Integer, String> SLUGS = Map.ofEntries(
            Map.entry(400, "bad-request"),
            Map.entry(401, "unauthenticated"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(412, "precondition-failed"),
            Map.entry(413, "payload-too-large"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(422, "unprocessable"),
            Map.entry(428, "precondition-required"),
            Map.entry(429, "too-many-requests"),
            Map.entry(500, "internal-error"),
            Map.entry(502, "bad-gateway"),
            Map.entry(503, "service-unavailable"),
            Map.entry(504, "gateway-timeout"));

    private Problems() {
    }

    /** The platform's slug for a status: {@code 404 -> not-found}. */
    public static String slugFor(HttpStatusCode status) {
        String slug = SLUGS.get(status.value());
        if (slug != null) {
            return slug;
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.name().toLowerCase(Locale.ROOT).replace('_', '-')
                : status.is4xxClientError() ? "bad-request" : "internal-error";
    }

    /**
     * A problem with a localized title. {@code detail} null means the platform's own detail for
     * the slug (formatted with {@code args}), when it has one.
     */
    public static ProblemDetail create(HttpStatusCode status, String slug, String detail, Locale locale,
            Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title(status, slug, locale));
        problem.setDetail(detail != null ? detail : ProblemTexts.text(slug + ".detail", locale, args));
        return problem;
    }

    /** The problem for an {@link ApiProblem}. */
    public static ProblemDetail of(ApiProblem problem, Locale locale) {
        return withErrors(create(problem.status(), problem.slug(), problem.detail(), locale), problem.violations());
    }

    /** Adds the field errors, if there are any. */
    public static ProblemDetail withErrors(ProblemDetail problem, List<ApiProblem.Violation> violations) {
        if (violations != null && !violations.isEmpty()) {
            problem.setProperty(ERRORS, List.copyOf(violations));
        }
        return problem;
    }

    /** Sets {@code instance} (the request path) and {@code correlationId} where they are known. */
    public static ProblemDetail finish(ProblemDetail problem, String path, String correlationId) {
        if (problem.getInstance() == null && path != null) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException e) {
                // a path that is not a valid URI reference is left out rather than echoed
            }
        }
        if (correlationId != null) {
            problem.setProperty(CORRELATION_ID, correlationId);
        }
        return problem;
    }

    /** The platform's text for a message key (e.g. a violation message), or null. */
    public static String text(String key, Locale locale, Object... args) {
        return ProblemTexts.text(key, locale, args);
    }

    private static String title(HttpStatusCode status, String slug, Locale locale) {
        String title = ProblemTexts.text(slug + ".title", locale);
        if (title == null) {
            title = ProblemTexts.text(slugFor(status) + ".title", locale);
        }
        if (title == null) {
            HttpStatus known = HttpStatus.resolve(status.value());
            title = known != null ? known.getReasonPhrase() : "Error";
        }
        return title;
    }

    /**
     * The first throwable of {@code type} in the cause chain, or null. Lives here, not in the
     * servlet {@code ProblemHandler}, because the reactive handler must not load servlet classes.
     */
    static <T extends Throwable> T find(Throwable throwable, Class<T> type) {
        for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * The problem a failure stands for when it is an expected refusal: an {@link ApiProblem} or a
     * domain's {@link io.huduma.platform.domain.DomainException} anywhere in the cause chain; null otherwise.
     */
    static ApiProblem expected(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiProblem problem) {
                return problem;
            }
            if (t instanceof io.huduma.platform.domain.DomainException refusal) {
                return ApiProblem.from(refusal);
            }
        }
        return null;
    }

    /**
     * Whether the failure is the identity provider being out of reach (its keys could not be
     * fetched), which is the platform's outage to report as 503, not the caller's fault or a bug.
     */
    static boolean identityProviderUnavailable(Throwable throwable) {
        return find(throwable, org.springframework.security.oauth2.jwt.JwtDecoderInitializationException.class) != null
                || find(throwable, org.springframework.security.authentication.AuthenticationServiceException.class) != null;
    }
}
