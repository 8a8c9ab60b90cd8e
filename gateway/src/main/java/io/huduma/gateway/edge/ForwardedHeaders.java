package io.huduma.gateway.edge;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sets {@code X-Forwarded-For}, {@code -Proto} and {@code -Host} on every proxied request from what the
 * edge decided ({@link EdgeFilter}): the client's own copies never get this far. Runs after Spring Cloud
 * Gateway's header filters, which drop X-Forwarded-* when no trusted proxies are configured for them.
 */
class ForwardedHeaders implements HttpHeadersFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        String client = exchange.getAttribute(EdgeFilter.CLIENT_ADDRESS);
        if (client != null) {
            headers.set("X-Forwarded-For", client);
            headers.set("X-Forwarded-Proto", exchange.getAttributeOrDefault(EdgeFilter.CLIENT_PROTO, "http"));
            String host = exchange.getAttribute(EdgeFilter.CLIENT_HOST);
            if (host != null) {
                headers.set("X-Forwarded-Host", host);
            }
        }
        return headers;
    }
}
