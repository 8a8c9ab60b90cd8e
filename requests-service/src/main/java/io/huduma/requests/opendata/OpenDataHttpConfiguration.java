package io.huduma.requests.opendata;

import static org.springframework.http.HttpMethod.GET;

import io.huduma.platform.security.HttpRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Anyone may read open data, without a token. */
@Configuration(proxyBeanMethods = false)
class OpenDataHttpConfiguration {

    @Bean
    @Order(5)
    HttpRules openDataHttpRules() {
        return auth -> auth.requestMatchers(GET, "/api/v1/open-data/**").permitAll();
    }
}
