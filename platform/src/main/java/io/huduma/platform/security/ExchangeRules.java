package io.huduma.platform.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * The reactive counterpart of {@link HttpRules}, for the gateway:
 * {@code @Bean ExchangeRules exchangeRules() { return ex -> ex.pathMatchers(GET, "/api/v1/services/**").permitAll().anyExchange().authenticated(); }}.
 * Without a bean every other exchange needs a valid token; an exchange no rule matches is denied.
 */
@FunctionalInterface
public interface ExchangeRules {

    void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges);
}
