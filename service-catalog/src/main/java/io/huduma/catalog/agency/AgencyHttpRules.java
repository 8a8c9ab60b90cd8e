package io.huduma.catalog.agency;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.huduma.platform.security.HttpRules;
import io.huduma.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Who may call the agency endpoints: anyone reads, platform administrators create and change. */
@Configuration(proxyBeanMethods = false)
class AgencyHttpRules {

    @Bean
    @Order(30)
    HttpRules agencyPaths() {
        return auth -> auth
                .requestMatchers(POST, "/api/v1/agencies").hasRole(Roles.PLATFORM_ADMIN)
                .requestMatchers(PUT, "/api/v1/agencies/*").hasRole(Roles.PLATFORM_ADMIN)
                .requestMatchers(GET, "/api/v1/agencies", "/api/v1/agencies/*").permitAll();
    }
}
