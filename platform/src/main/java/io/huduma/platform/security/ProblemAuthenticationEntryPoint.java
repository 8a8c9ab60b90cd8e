package io.huduma.platform.security;

import java.io.IOException;

import io.huduma.platform.problem.ServletProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 for a missing or rejected token: the RFC 6750 {@code WWW-Authenticate} challenge (with the
 * reason in {@code error_description}) and a problem+json body.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        // sets the challenge header and the status RFC 6750 wants (400 for a malformed Authorization header)
        challenge.commence(request, response, exception);
        HttpStatusCode status = HttpStatusCode.valueOf(response.getStatus());
        ServletProblems.write(request, response, BearerChallenge.problem(status, exception,
                ServletProblems.locale(request)));
    }
}
