package io.huduma.platform.security;

import java.io.IOException;

import io.huduma.platform.problem.Problems;
import io.huduma.platform.problem.ServletProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 for a valid token without the rights: the RFC 6750 challenge and a problem+json body. */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        challenge.handle(request, response, exception);
        ServletProblems.write(request, response,
                Problems.create(HttpStatus.FORBIDDEN, "forbidden", null, ServletProblems.locale(request)));
    }
}
