package io.huduma.catalog.http;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.huduma.platform.security.HttpRules;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Who may call which endpoint (coarse, by role; ownership of an agency's entries is checked in
 * the use cases) and ETags on reads. The request body limit is the platform's {@code huduma.web.max-body-size}.
 */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    static final String PLATFORM_ADMIN = "platform-admin";
    static final String AGENCY_ADMIN = "agency-admin";
    static final String AGENCY_OFFICER = "agency-officer";

    @Bean
    HttpRules catalogHttpRules() {
        return auth -> auth
                // staff views first: they sit below public paths
                .requestMatchers(GET, "/api/v1/services/*/draft", "/api/v1/agencies/*/services", "/api/v1/agencies/*/apis",
                        "/api/v1/agencies/*/apis/*").hasAnyRole(AGENCY_ADMIN, AGENCY_OFFICER, PLATFORM_ADMIN)
                .requestMatchers(PUT, "/api/v1/services/*/draft").hasRole(AGENCY_ADMIN)
                .requestMatchers(POST, "/api/v1/services/*/publication", "/api/v1/services/*/retirement",
                        "/api/v1/agencies/*/services", "/api/v1/agencies/*/apis").hasRole(AGENCY_ADMIN)
                .requestMatchers(PUT, "/api/v1/agencies/*/apis/*").hasRole(AGENCY_ADMIN)
                .requestMatchers(DELETE, "/api/v1/agencies/*/apis/*").hasRole(AGENCY_ADMIN)
                .requestMatchers(POST, "/api/v1/agencies").hasRole(PLATFORM_ADMIN)
                .requestMatchers(PUT, "/api/v1/agencies/*").hasRole(PLATFORM_ADMIN)
                // public discovery
                .requestMatchers(GET, "/api/v1/agencies", "/api/v1/agencies/*", "/api/v1/services", "/api/v1/services/*",
                        "/api/v1/services/*/versions", "/api/v1/services/*/versions/*").permitAll()
                .anyRequest().authenticated();
    }

    /** ETag on every successful GET under /api/v1, 304 when If-None-Match matches. */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/*");
        return registration;
    }

}
