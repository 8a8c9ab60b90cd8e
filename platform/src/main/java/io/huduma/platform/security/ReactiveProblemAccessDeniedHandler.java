package io.huduma.platform.security;

import io.huduma.platform.problem.Problems;
import io.huduma.platform.problem.ReactiveProblems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** The gateway's 403: RFC 6750 {@code insufficient_scope} challenge and a problem+json body. */
class ReactiveProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.INSUFFICIENT_SCOPE);
        return ReactiveProblems.write(exchange,
                Problems.create(HttpStatus.FORBIDDEN, "forbidden", null, ReactiveProblems.locale(exchange)));
    }
}
