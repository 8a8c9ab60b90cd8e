package io.huduma.gateway.observability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access log; metrics per route and status are Spring Cloud Gateway's {@code spring.cloud.gateway.requests}. */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    AccessLog accessLog() {
        return new AccessLog();
    }
}
