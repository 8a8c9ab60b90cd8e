package io.huduma.platform.problem;

import java.util.Locale;

import io.huduma.platform.correlation.Correlation;
import io.huduma.platform.language.Language;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** Writes problems straight to a WebFlux response (gateway entry points and error handler). */
public final class ReactiveProblems {

    private ReactiveProblems() {
    }

    public static Locale locale(ServerWebExchange exchange) {
        return Language.fromAcceptLanguage(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE)).locale();
    }

    public static String correlationId(ServerWebExchange exchange) {
        Object id = exchange.getAttribute(Correlation.ATTRIBUTE);
        return id instanceof String s ? s : exchange.getRequest().getHeaders().getFirst(Correlation.HTTP_HEADER);
    }

    /** Completes {@code problem} (instance, correlation id) and writes it with its status. */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        Problems.finish(problem, exchange.getRequest().getPath().value(), correlationId(exchange));
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = ProblemJson.bytes(problem);
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
