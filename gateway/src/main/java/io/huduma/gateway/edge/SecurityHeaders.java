package io.huduma.gateway.edge;

import java.util.List;

import io.huduma.platform.correlation.Correlation;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The headers the gateway answers with, once each whatever the service behind it sent too:
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, {@code Referrer-Policy: no-referrer},
 * {@code Strict-Transport-Security} when the client came over TLS (directly or through a trusted proxy),
 * and exactly one {@code X-Correlation-Id}, {@code X-Request-Id} and CORS answer.
 */
class SecurityHeaders implements WebFilter, Ordered {

    /** Exchange attribute: true when the client's connection was TLS. */
    static final String SECURE = SecurityHeaders.class.getName() + ".secure";

    /** Headers both the gateway and a service may set: the gateway's (first) value is the one returned. */
    private static final List<String> ONCE = List.of(Correlation.HTTP_HEADER, EdgeFilter.REQUEST_ID,
            "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Expose-Headers",
            "Vary", "Cache-Control", "Pragma", "Expires", "X-XSS-Protection");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            if (Boolean.TRUE.equals(exchange.getAttribute(SECURE))) {
                headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            } else {
                headers.remove("Strict-Transport-Security");
            }
            for (String name : ONCE) {
                List<String> values = headers.get(name);
                if (values != null && values.size() > 1) {
                    List<String> distinct = values.stream().distinct().toList();
                    headers.put(name, name.equals("Vary") ? distinct : List.of(distinct.get(0)));
                }
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
