package io.huduma.platform.security;

import io.huduma.platform.problem.ReactiveProblems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** The gateway's 401: RFC 6750 challenge header and a problem+json body. */
class ReactiveProblemEntryPoint implements ServerAuthenticationEntryPoint {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException exception) {
        HttpStatusCode status = BearerChallenge.status(exception);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.header(exception));
        return ReactiveProblems.write(exchange,
                BearerChallenge.problem(status, exception, ReactiveProblems.locale(exchange)));
    }
}
