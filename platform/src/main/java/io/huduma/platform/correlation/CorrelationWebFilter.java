package io.huduma.platform.correlation;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The reactive twin of {@link CorrelationFilter}, for the gateway: the sanitized id replaces the
 * caller's header on the request (so routes forward it downstream), is echoed on the response,
 * and sits in the exchange attributes and the Reactor context under {@link Correlation#MDC_KEY}.
 */
public class CorrelationWebFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        // before Spring Security's WebFilterChainProxy (-100), so a 401 carries the id too
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = Correlation.sanitize(exchange.getRequest().getHeaders().getFirst(Correlation.HTTP_HEADER));
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(Correlation.HTTP_HEADER, id))
                .build();
        ServerWebExchange mutated = exchange.mutate().request(request).build();
        mutated.getAttributes().put(Correlation.ATTRIBUTE, id);
        mutated.getResponse().getHeaders().set(Correlation.HTTP_HEADER, id);
        return chain.filter(mutated).contextWrite(context -> context.put(Correlation.MDC_KEY, id));
    }
}
