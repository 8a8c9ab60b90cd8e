package io.huduma.catalog.http;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags on reads. Who may call which endpoint is declared by each feature next to its controller
 * ({@code AgencyHttpRules}, {@code ServiceHttpRules}, {@code AgencyApiHttpRules}); the request body
 * limit is the platform's {@code huduma.web.max-body-size}.
 */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    /** ETag on every successful GET under /api/v1, 304 when If-None-Match matches. */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/*");
        return registration;
    }
}
