package io.huduma.gateway.observability;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.huduma.platform.correlation.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * One line per request on logger {@code io.huduma.gateway.access}: method, path (no query string: it may
 * carry personal data), status, milliseconds, route, client address, correlation and request ids. Never
 * a header, a token or a body.
 */
class AccessLog implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger("io.huduma.gateway.access");
    private static final String CLIENT_ADDRESS = "io.huduma.gateway.edge.EdgeFilter.client";

    @Override
    public int getOrder() {
        // right after the correlation filter: sees every answer, the gateway's own problems too
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            if (!log.isInfoEnabled()) {
                return;
            }
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
            log.info("{} {} {} {}ms route={} client={} correlationId={} requestId={}",
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                    status == null ? "-" : status.value(), (System.nanoTime() - started) / 1_000_000,
                    route == null ? "-" : route.getId(), exchange.getAttributeOrDefault(CLIENT_ADDRESS, "-"),
                    exchange.getAttributeOrDefault(Correlation.ATTRIBUTE, "-"),
                    exchange.getResponse().getHeaders().getFirst("X-Request-Id"));
        });
    }
}
