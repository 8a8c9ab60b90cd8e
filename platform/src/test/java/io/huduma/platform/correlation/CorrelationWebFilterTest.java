package io.huduma.platform.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

class CorrelationWebFilterTest {

    private final CorrelationWebFilter filter = new CorrelationWebFilter();
    private final AtomicReference<ServerWebExchange> downstream = new AtomicReference<>();
    private final AtomicReference<String> inContext = new AtomicReference<>();
    private final WebFilterChain chain = exchange -> {
        downstream.set(exchange);
        return Mono.deferContextual(context -> {
            inContext.set(context.getOrDefault(Correlation.MDC_KEY, null));
            return Mono.empty();
        });
    };

    @Test
    void aPlainIdIsForwardedDownstreamEchoedAndInTheReactorContext() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/v1/services").header(Correlation.HTTP_HEADER, "gw-42"));

        filter.filter(exchange, chain).block();

        assertThat(downstream.get().getRequest().getHeaders().getFirst(Correlation.HTTP_HEADER)).isEqualTo("gw-42");
        assertThat(exchange.getResponse().getHeaders().getFirst(Correlation.HTTP_HEADER)).isEqualTo("gw-42");
        assertThat(downstream.get().<String>getAttribute(Correlation.ATTRIBUTE)).isEqualTo("gw-42");
        assertThat(inContext.get()).isEqualTo("gw-42");
    }

    @Test
    void aForgedIdIsReplacedBeforeItIsForwarded() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/v1/services").header(Correlation.HTTP_HEADER, "bad id\r\nX: y"));

        filter.filter(exchange, chain).block();

        String forwarded = downstream.get().getRequest().getHeaders().getFirst(Correlation.HTTP_HEADER);
        assertThat(forwarded).matches("[0-9a-f-]{36}");
        assertThat(downstream.get().getRequest().getHeaders().get(Correlation.HTTP_HEADER)).hasSize(1);
        assertThat(exchange.getResponse().getHeaders().getFirst(Correlation.HTTP_HEADER)).isEqualTo(forwarded);
    }

    @Test
    void withoutAnIdOneIsCreatedAndForwarded() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/x"));

        filter.filter(exchange, chain).block();

        assertThat(downstream.get().getRequest().getHeaders().getFirst(Correlation.HTTP_HEADER))
                .matches("[0-9a-f-]{36}")
                .isEqualTo(inContext.get());
    }
}
