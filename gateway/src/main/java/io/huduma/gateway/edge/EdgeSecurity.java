package io.huduma.gateway.edge;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

import io.huduma.platform.security.ExchangeRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may pass the edge. Each routed path is either explicitly public (catalogue reads, open data,
 * sign-up and its code, password reset, the SMS provider's receipts, the API documents) or needs a
 * valid access token (signature, issuer, audience, expiry: the platform's resource server answers a
 * 401 problem otherwise); the service behind it checks the token again and authorises on its own data.
 * Agency APIs ({@code /agencies/**}) are passed to their own policy, enforced by the agency route filter.
 * Paths that no route serves pass through to a 404 problem.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurity {

    static final String[] PUBLIC_READS = {"/api/v1/agencies", "/api/v1/agencies/*", "/api/v1/services",
        "/api/v1/services/*", "/api/v1/services/*/versions", "/api/v1/services/*/versions/*", "/api/v1/categories",
        "/api/v1/categories/**", "/api/v1/open-data/**", "/*/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
        "/swagger-ui/**", "/webjars/**"};

    static final String[] PUBLIC_WRITES = {"/api/v1/identity/registrations", "/api/v1/identity/registrations/**",
        "/api/v1/identity/password-resets", "/api/v1/identity/password-resets/**",
        "/api/v1/notifications/sms-receipts/http", "/api/v1/ussd/callback"};

    /** Every routed prefix of the platform's own API. */
    static final String[] ROUTED = {"/api/v1/agencies/**", "/api/v1/services/**", "/api/v1/categories/**",
        "/api/v1/identity/**", "/api/v1/requests/**", "/api/v1/open-data/**", "/api/v1/notifications/**",
        "/api/v1/ussd/**"};

    @Bean
    ExchangeRules exchangeRules() {
        return exchanges -> exchanges
                .pathMatchers(GET, PUBLIC_READS).permitAll()
                .pathMatchers(HEAD, PUBLIC_READS).permitAll()
                .pathMatchers(POST, PUBLIC_WRITES).permitAll()
                .pathMatchers(ROUTED).authenticated()
                // agency APIs: their access policy is checked per API by the agency route filter
                .anyExchange().permitAll();
    }
}
