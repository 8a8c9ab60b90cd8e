package io.huduma.gateway.ratelimit;

import java.util.List;

import io.huduma.platform.problem.ApiProblem;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * Every request draws from its caller's bucket, after the token is checked: a signed-in subject (a
 * person, or an agency system's client) has its own; without a token the client address does (as the
 * edge decided it: {@code X-Forwarded-For} only from trusted proxies). Sign-up, code verification and
 * password reset also draw from a much smaller bucket per address. An empty bucket is a 429 problem
 * with {@code Retry-After}.
 */
class RateLimitFilter implements WebFilter, Ordered {

    /** Set by the edge filter: the client's address. */
    private static final String CLIENT_ADDRESS = "io.huduma.gateway.edge.EdgeFilter.client";

    private final RateLimits limits;
    private final RateLimitProperties properties;
    private final List<PathPattern> sensitive;
    private final List<PathPattern> channels;

    RateLimitFilter(RateLimits limits, RateLimitProperties properties) {
        this.limits = limits;
        this.properties = properties;
        this.sensitive = properties.sensitivePaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.channels = properties.channelPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public int getOrder() {
        // after Spring Security's WebFilterChainProxy (-100): the caller is known
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = exchange.getAttributeOrDefault(CLIENT_ADDRESS, "unknown");
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        Mono<RateLimits.Verdict> strict = sensitive.stream().anyMatch(p -> p.matches(path))
                ? limits.consume("sensitive:" + address, properties.sensitive().requests(), properties.sensitive().period())
                : Mono.just(new RateLimits.Verdict(true, 0, 0));
        return strict.flatMap(first -> !first.allowed() ? Mono.just(first) : exchange.getPrincipal()
                        .map(RateLimitFilter::subject)
                        .flatMap(subject -> limits.consume("subject:" + subject, properties.authenticated().requests(),
                                properties.authenticated().period()))
                        .switchIfEmpty(Mono.defer(() -> channels.stream().anyMatch(p -> p.matches(path))
                                ? limits.consume("channel:" + address, properties.channel().requests(), properties.channel().period())
                                : limits.consume("address:" + address,
                                        properties.anonymous().requests(), properties.anonymous().period()))))
                .flatMap(verdict -> {
                    if (!verdict.allowed()) {
                        return Mono.error(ApiProblem.tooManyRequests(
                                "Too many requests; retry in " + verdict.retryAfterSeconds() + " s.", verdict.retryAfterSeconds()));
                    }
                    exchange.getResponse().getHeaders().set("RateLimit-Remaining", Long.toString(verdict.remaining()));
                    return chain.filter(exchange);
                });
    }

    private static String subject(java.security.Principal principal) {
        if (principal instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            return jwt.getSubject() != null ? jwt.getSubject() : "client:" + jwt.getClaimAsString("azp");
        }
        return principal.getName();
    }
}
