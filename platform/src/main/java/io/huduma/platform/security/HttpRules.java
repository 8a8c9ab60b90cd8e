package io.huduma.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A servlet service's endpoint access, applied inside the platform's security filter chain after
 * the paths that are always open (health, info, prometheus, OpenAPI, /error):
 *
 * <pre>{@code
 * @Bean HttpRules httpRules() {
 *     return auth -> auth.requestMatchers(GET, "/api/v1/services/**").permitAll()
 *             .anyRequest().authenticated();
 * }
 * }</pre>
 *
 * Without a bean every other request needs a valid token. Rules should end with
 * {@code anyRequest()}: a request no rule matches is denied.
 */
@FunctionalInterface
public interface HttpRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth);
}
