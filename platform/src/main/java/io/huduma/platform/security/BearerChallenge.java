package io.huduma.platform.security;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.huduma.platform.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;

/** The RFC 6750 {@code WWW-Authenticate} challenge and problem for a failed authentication. */
final class BearerChallenge {

    static final String INSUFFICIENT_SCOPE = "Bearer error=\"insufficient_scope\", "
            + "error_description=\"The request requires higher privileges than provided by the access token.\", "
            + "error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"";

    private BearerChallenge() {
    }

    /** The status the challenge carries: 401, or 400 for a malformed request. */
    static HttpStatusCode status(AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError b) {
            return b.getHttpStatus();
        }
        return HttpStatus.UNAUTHORIZED;
    }

    static String header(AuthenticationException exception) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (exception instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            parameters.put("error", error.getErrorCode());
            if (error.getDescription() != null) {
                parameters.put("error_description", error.getDescription());
            }
            if (error.getUri() != null) {
                parameters.put("error_uri", error.getUri());
            }
            if (error instanceof BearerTokenError bearer && bearer.getScope() != null) {
                parameters.put("scope", bearer.getScope());
            }
        }
        if (parameters.isEmpty()) {
            return "Bearer";
        }
        return "Bearer " + parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=\"" + entry.getValue().replace("\"", "'") + "\"")
                .collect(Collectors.joining(", "));
    }

    /** 401: the platform's "authentication required"; 400: the token request itself was malformed. */
    static ProblemDetail problem(HttpStatusCode status, AuthenticationException exception, Locale locale) {
        if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
            return Problems.create(status, "unauthenticated", null, locale);
        }
        String detail = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getDescription() : null;
        return Problems.create(status, Problems.slugFor(status), detail, locale);
    }
}
