package io.huduma.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * One feature's endpoint access in a servlet service, applied inside the platform's security
 * filter chain after the paths that are always open (health, info, prometheus, OpenAPI, /error).
 * Each feature declares its own bean next to its controller, naming roles from {@link Roles}:
 *
 * <pre>{@code
 * @Bean HttpRules agencyHttpRules() {
 *     return auth -> auth.requestMatchers(GET, "/api/v1/agencies", "/api/v1/agencies/*").permitAll()
 *             .requestMatchers(POST, "/api/v1/agencies").hasRole(Roles.PLATFORM_ADMIN);
 * }
 * }</pre>
 *
 * Beans are applied in {@code @Order} order (a more specific path before a broader one). A feature's
 * rules name only its own paths and do not end with {@code anyRequest()}: the platform ends the
 * chain itself with "any other request needs a valid token". (A service with a single bean may
 * still end it with {@code anyRequest()}; then the platform adds nothing.)
 */
@FunctionalInterface
public interface HttpRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth);

    /** Ends the rules with "any other request needs a valid token", unless they already end with {@code anyRequest()}. */
    static void endWithAuthenticated(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        try {
            auth.anyRequest().authenticated();
        } catch (IllegalStateException alreadyEnded) {
            // a service's own rules ended with anyRequest(): theirs is the last word
        }
    }
}
