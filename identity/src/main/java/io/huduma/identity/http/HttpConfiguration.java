package io.huduma.identity.http;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import static io.huduma.identity.account.Roles.AGENCY_ADMIN;
import static io.huduma.identity.account.Roles.AGENCY_OFFICER;
import static io.huduma.identity.account.Roles.CITIZEN;
import static io.huduma.identity.account.Roles.PLATFORM_ADMIN;

import io.huduma.platform.security.HttpRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call which endpoint. Person endpoints require one of the person roles: a service
 * account carries only {@code internal-service}, so its token is refused there. Ownership
 * (own profile, own agency) is checked in the use cases.
 */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {


    @Bean
    HttpRules identityHttpRules() {
        return auth -> auth
                .requestMatchers(POST, "/api/v1/identity/registrations", "/api/v1/identity/registrations/*/code",
                        "/api/v1/identity/registrations/*/verification",
                        "/api/v1/identity/password-resets", "/api/v1/identity/password-resets/*/verification").permitAll()
                .requestMatchers(GET, "/api/v1/identity/me").hasAnyRole(CITIZEN, AGENCY_OFFICER, AGENCY_ADMIN, PLATFORM_ADMIN)
                .requestMatchers(PATCH, "/api/v1/identity/me").hasAnyRole(CITIZEN, AGENCY_OFFICER, AGENCY_ADMIN, PLATFORM_ADMIN)
                .requestMatchers(POST, "/api/v1/identity/me/phone-changes", "/api/v1/identity/me/phone-changes/*/verification")
                .hasAnyRole(CITIZEN, AGENCY_OFFICER, AGENCY_ADMIN, PLATFORM_ADMIN)
                .requestMatchers("/api/v1/identity/agencies/*/staff", "/api/v1/identity/agencies/*/staff/**",
                        "/api/v1/identity/agencies/*/clients", "/api/v1/identity/agencies/*/clients/**")
                .hasAnyRole(AGENCY_ADMIN, PLATFORM_ADMIN)
                .anyRequest().denyAll();
    }
}
