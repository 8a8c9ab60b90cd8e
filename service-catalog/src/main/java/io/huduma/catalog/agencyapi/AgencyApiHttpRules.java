package io.huduma.catalog.agencyapi;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.huduma.platform.security.HttpRules;
import io.huduma.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Who may call the agency-API endpoints: staff read, agency administrators change (that it is
 * their own agency is checked in the use cases).
 */
@Configuration(proxyBeanMethods = false)
class AgencyApiHttpRules {

    @Bean
    @Order(10)
    HttpRules agencyApiPaths() {
        return auth -> auth
                .requestMatchers(GET, "/api/v1/agencies/*/apis", "/api/v1/agencies/*/apis/*").hasAnyRole(Roles.STAFF)
                .requestMatchers(POST, "/api/v1/agencies/*/apis").hasRole(Roles.AGENCY_ADMIN)
                .requestMatchers(PUT, "/api/v1/agencies/*/apis/*").hasRole(Roles.AGENCY_ADMIN)
                .requestMatchers(DELETE, "/api/v1/agencies/*/apis/*").hasRole(Roles.AGENCY_ADMIN);
    }
}
