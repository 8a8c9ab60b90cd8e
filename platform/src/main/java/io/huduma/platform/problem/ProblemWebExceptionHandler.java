package io.huduma.platform.problem;

import java.net.ConnectException;
import java.util.List;
import java.util.Locale;

import io.huduma.platform.problem.ApiProblem.Violation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * The gateway's (WebFlux) last word on errors: whatever escapes, including the gateway's own
 * "no route" and "service down", is answered as an RFC 9457 problem. Runs before Boot's handler.
 */
class ProblemWebExceptionHandler implements ErrorWebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    @Override
    public int getOrder() {
        // Boot's DefaultErrorWebExceptionHandler is -1
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable exception) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(exception);
        }
        ProblemDetail problem = problem(exchange, exception, ReactiveProblems.locale(exchange));
        if (exception instanceof ErrorResponse response && !(exception instanceof ServerWebInputException)) {
            // e.g. Allow on a 405, Accept on a 415
            response.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().put(name, values));
        }
        ApiProblem expected = Problems.expected(exception);
        if (expected != null && expected.retryAfterSeconds() > 0) {
            exchange.getResponse().getHeaders().set(org.springframework.http.HttpHeaders.RETRY_AFTER,
                    Long.toString(expected.retryAfterSeconds()));
        }
        return ReactiveProblems.write(exchange, problem);
    }

    private ProblemDetail problem(ServerWebExchange exchange, Throwable exception, Locale locale) {
        String path = exchange.getRequest().getPath().value();
        ApiProblem apiProblem = Problems.expected(exception);
        if (apiProblem != null) {
            return Problems.of(apiProblem, locale);
        }
        if (exception instanceof WebExchangeBindException invalid) {
            return Problems.withErrors(Problems.create(HttpStatus.BAD_REQUEST, "validation-failed", null, locale),
                    Violations.of(invalid.getBindingResult(), locale));
        }
        if (exception instanceof HandlerMethodValidationException invalid && invalid.getStatusCode().is4xxClientError()) {
            return Problems.withErrors(Problems.create(invalid.getStatusCode(), "validation-failed", null, locale),
                    Violations.of(invalid, locale));
        }
        if (Problems.find(exception, DataBufferLimitException.class) != null) {
            return Problems.create(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", null, locale, "?");
        }
        if (exception instanceof ServerWebInputException input) {
            return inputProblem(input, locale);
        }
        if (exception instanceof AccessDeniedException) {
            return Problems.create(HttpStatus.FORBIDDEN, "forbidden", null, locale);
        }
        if (exception instanceof NoResourceFoundException) {
            return Problems.create(HttpStatus.NOT_FOUND, "not-found", null, locale, path);
        }
        if (exception instanceof MethodNotAllowedException method) {
            return Problems.create(method.getStatusCode(), "method-not-allowed", null, locale, method.getHttpMethod());
        }
        if (exception instanceof UnsupportedMediaTypeStatusException media) {
            return Problems.create(media.getStatusCode(), "unsupported-media-type", null, locale,
                    media.getContentType() == null ? "-" : media.getContentType().toString());
        }
        if (exception instanceof NotAcceptableStatusException notAcceptable) {
            return Problems.create(notAcceptable.getStatusCode(), "not-acceptable", null, locale);
        }
        if (exception instanceof ErrorResponse response
                && response.getStatusCode().value() != HttpStatus.INTERNAL_SERVER_ERROR.value()) {
            HttpStatusCode status = response.getStatusCode();
            String detail = response.getBody().getDetail();
            return Problems.create(status, Problems.slugFor(status),
                    status.value() == HttpStatus.NOT_FOUND.value() && detail == null ? null : detail, locale, path);
        }
        if (Problems.identityProviderUnavailable(exception)) {
            log.warn("Identity provider unreachable for {} [correlationId={}]: {}", path,
                    ReactiveProblems.correlationId(exchange), exception.toString());
            return Problems.create(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", null, locale);
        }
        if (Problems.find(exception, ConnectException.class) != null) {
            // a route's service is down: not a bug of ours, but worth knowing about
            log.warn("Upstream unreachable for {} [correlationId={}]: {}", path,
                    ReactiveProblems.correlationId(exchange), exception.toString());
            return Problems.create(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", null, locale);
        }
        String correlationId = ReactiveProblems.correlationId(exchange);
        log.error("Unexpected error on {} [correlationId={}]", path, correlationId, exception);
        return Problems.create(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", null, locale, correlationId);
    }

    private static ProblemDetail inputProblem(ServerWebInputException input, Locale locale) {
        HttpStatusCode status = input.getStatusCode();
        String name = input.getMethodParameter() != null ? Violations.name(input.getMethodParameter()) : null;
        if (input instanceof MissingRequestValueException missing) {
            return Problems.withErrors(Problems.create(status, "invalid-parameter", null, locale),
                    List.of(new Violation(missing.getName(), Problems.text("violation.required", locale))));
        }
        if (input.getCause() instanceof TypeMismatchException) {
            return Problems.withErrors(Problems.create(status, "invalid-parameter", null, locale),
                    List.of(new Violation(name, Problems.text("violation.type", locale))));
        }
        if (Problems.find(input, DecodingException.class) != null || input.getReason() != null
                && input.getReason().contains("body")) {
            JacksonException jackson = Problems.find(input, JacksonException.class);
            List<Violation> violations = jackson == null || jackson.getPath().isEmpty() ? List.of()
                    : List.of(new Violation(Violations.pointer(jackson), Problems.text("violation.type", locale)));
            return Problems.withErrors(Problems.create(status, "malformed-body", null, locale), violations);
        }
        return Problems.create(status, Problems.slugFor(status), input.getReason(), locale);
    }
}
