package io.huduma.platform.webtest;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import io.huduma.platform.security.HttpRules;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * A tiny servlet service depending on the platform, as a real one would: its own HttpRules and a
 * few controllers. Database, gRPC server and Eureka stay off: these tests are about the web half
 * (Kafka clients are configured but never connect).
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@PropertySource("classpath:io/huduma/platform/webtest/webtest.properties")
public class WebTestApplication {

    /** A filter that fails outside Spring MVC on demand, to exercise the /error path. */
    @Bean
    FilterRegistrationBean<Filter> explodingFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            if (((HttpServletRequest) request).getHeader("X-Explode") != null) {
                throw new IllegalStateException("filter exploded: secret internals");
            }
            chain.doFilter(request, response);
        });
        registration.setOrder(0);
        return registration;
    }

    @Bean
    HttpRules httpRules() {
        return auth -> auth
                .requestMatchers(GET, "/test/public/**").permitAll()
                .requestMatchers(POST, "/test/public/echo").permitAll()
                .requestMatchers("/test/citizen/**").hasRole("citizen")
                .anyRequest().authenticated();
    }
}
