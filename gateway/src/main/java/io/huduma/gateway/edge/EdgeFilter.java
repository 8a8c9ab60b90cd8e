package io.huduma.gateway.edge;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.huduma.platform.correlation.Correlation;
import io.huduma.platform.problem.ApiProblem;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The first look at every request, before security and routing: refuses what no route should see
 * (over-long targets and headers, bodies over the limit, dot segments and encoded separators that
 * could reach a service's actuator after normalisation, gRPC), and rewrites the headers that carry
 * trust downstream: a client's own {@code X-Forwarded-*}, {@code Forwarded}, {@code X-Real-IP} and
 * {@code X-Huduma-*} are removed; the gateway sets {@code X-Request-Id} here and
 * {@code X-Forwarded-For/-Proto/-Host} when it routes ({@link ForwardedHeaders}). Runs right after the platform's correlation filter, so its problems
 * carry the correlation id.
 */
class EdgeFilter implements WebFilter, Ordered {

    /** The exchange attribute holding the client's address as the edge decided it. */
    public static final String CLIENT_ADDRESS = EdgeFilter.class.getName() + ".client";
    static final String CLIENT_PROTO = EdgeFilter.class.getName() + ".proto";
    static final String CLIENT_HOST = EdgeFilter.class.getName() + ".host";
    static final String REQUEST_ID = "X-Request-Id";

    private final EdgeProperties properties;
    private final ClientAddresses addresses;

    EdgeFilter(EdgeProperties properties) {
        this.properties = properties;
        this.addresses = new ClientAddresses(properties.trustedProxies());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String requestId = Correlation.sanitize(request.getHeaders().getFirst(REQUEST_ID));
        exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
        ApiProblem refusal = refusal(request);
        if (refusal != null) {
            return Mono.error(refusal);
        }
        String peer = request.getRemoteAddress() == null || request.getRemoteAddress().getAddress() == null ? null
                : request.getRemoteAddress().getAddress().getHostAddress();
        boolean fromTrustedProxy = addresses.isTrusted(peer);
        String client = addresses.client(request.getRemoteAddress(), request.getHeaders().get("X-Forwarded-For"));
        String proto = fromTrustedProxy && "https".equalsIgnoreCase(request.getHeaders().getFirst("X-Forwarded-Proto"))
                ? "https" : request.getURI().getScheme();
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        exchange.getAttributes().put(CLIENT_ADDRESS, client);
        exchange.getAttributes().put(CLIENT_PROTO, proto == null ? "http" : proto);
        if (host != null) {
            exchange.getAttributes().put(CLIENT_HOST, host);
        }
        exchange.getAttributes().put(SecurityHeaders.SECURE, "https".equalsIgnoreCase(proto));
        long limit = properties.maxBodySize().toBytes();
        ServerHttpRequest rewritten = new LimitedBody(request.mutate().headers(headers -> {
            headers.headerNames().stream().filter(EdgeFilter::carriesTrust).toList().forEach(headers::remove);
            headers.set(REQUEST_ID, requestId);
        }).build(), limit);
        return chain.filter(exchange.mutate().request(rewritten).build()).onErrorMap(EdgeFilter::gatewayProblem);
    }

    /** Spring Cloud Gateway's own "no instance" and timeout errors, as the problems they are. */
    private static Throwable gatewayProblem(Throwable error) {
        if (error instanceof org.springframework.cloud.gateway.support.ServiceUnavailableException
                || error instanceof org.springframework.cloud.gateway.support.NotFoundException
                || error instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException) {
            return ApiProblem.serviceUnavailable("No instance of the service is available.");
        }
        if (error instanceof java.util.concurrent.TimeoutException
                || error instanceof org.springframework.cloud.gateway.support.TimeoutException) {
            return ApiProblem.of(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "The service did not answer in time.", List.of());
        }
        return error;
    }

    private ApiProblem refusal(ServerHttpRequest request) {
        String target = request.getURI().getRawPath() + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery());
        if (target.length() > properties.maxUriLength()) {
            return ApiProblem.of(HttpStatus.URI_TOO_LONG, "uri-too-long",
                    "The request target is longer than the " + properties.maxUriLength() + " characters allowed.", List.of());
        }
        long headerBytes = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                headerBytes += header.getKey().length() + value.length() + 4;
            }
        }
        if (headerBytes > properties.maxHeaderSize()) {
            return ApiProblem.of(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "header-fields-too-large",
                    "The request headers are larger than the " + properties.maxHeaderSize() + " bytes allowed.", List.of());
        }
        if (!isCanonical(request.getURI().getRawPath())) {
            return ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid-path",
                    "The path must not contain dot segments, encoded slashes, backslashes or parameters.", List.of());
        }
        String contentType = request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/grpc")) {
            // the services' gRPC APIs are internal: never proxied
            return ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "gRPC is not served through the gateway.", List.of());
        }
        long length = request.getHeaders().getContentLength();
        if (length > properties.maxBodySize().toBytes()) {
            return ApiProblem.payloadTooLarge("The request body is larger than the "
                    + properties.maxBodySize().toBytes() + " bytes allowed.");
        }
        return null;
    }

    /** No {@code .}/{@code ..} segments, no encoded dots, slashes or backslashes, no matrix parameters. */
    static boolean isCanonical(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return true;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%25")
                || lower.contains("\\") || lower.contains(";") || lower.contains("//")) {
            return false;
        }
        for (String segment : rawPath.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static boolean carriesTrust(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("x-forwarded-") || lower.equals("forwarded") || lower.equals("x-real-ip")
                || lower.startsWith("x-huduma-") || lower.equals("x-original-url") || lower.equals("x-rewrite-url");
    }

    /** Counts a streamed body and stops it at the limit (a chunked body has no Content-Length to check). */
    private static final class LimitedBody extends ServerHttpRequestDecorator {

        private final long limit;

        LimitedBody(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                    org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                    sink.error(ApiProblem.payloadTooLarge("The request body is larger than the " + limit + " bytes allowed."));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
