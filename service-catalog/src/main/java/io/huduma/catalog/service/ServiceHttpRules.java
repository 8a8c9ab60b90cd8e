package io.huduma.catalog.service;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.huduma.platform.security.HttpRules;
import io.huduma.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Who may call the service endpoints: staff read drafts, agency administrators write them (that it
 * is their own agency is checked in the use cases), anyone reads what is published. Staff views
 * come first: they sit below public paths.
 */
@Configuration(proxyBeanMethods = false)
class ServiceHttpRules {

    @Bean
    @Order(20)
    HttpRules servicePaths() {
        return auth -> auth
                .requestMatchers(GET, "/api/v1/services/*/draft", "/api/v1/agencies/*/services").hasAnyRole(Roles.STAFF)
                .requestMatchers(PUT, "/api/v1/services/*/draft").hasRole(Roles.AGENCY_ADMIN)
                .requestMatchers(POST, "/api/v1/services/*/publication", "/api/v1/services/*/retirement",
                        "/api/v1/agencies/*/services").hasRole(Roles.AGENCY_ADMIN)
                .requestMatchers(GET, "/api/v1/services", "/api/v1/services/*", "/api/v1/services/*/versions",
                        "/api/v1/services/*/versions/*").permitAll();
    }
}
