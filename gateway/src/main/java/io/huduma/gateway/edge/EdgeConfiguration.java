package io.huduma.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/** The edge's filters: request limits and trusted headers, security headers, CORS. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
class EdgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EdgeConfiguration.class);

    @Bean
    EdgeFilter edgeFilter(EdgeProperties properties) {
        if (properties.trustedProxies().isEmpty()) {
            log.info("No trusted proxies: X-Forwarded-* from clients is ignored, the peer address is the client");
        }
        return new EdgeFilter(properties);
    }

    @Bean
    ForwardedHeaders forwardedHeaders() {
        return new ForwardedHeaders();
    }

    @Bean
    SecurityHeaders securityHeaders() {
        return new SecurityHeaders();
    }

    /** Browsers from the configured web origins may call the API; preflights are answered here, before security. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    CorsWebFilter corsWebFilter(EdgeProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsOrigins());
        cors.addAllowedMethod("GET");
        cors.addAllowedMethod("HEAD");
        cors.addAllowedMethod("POST");
        cors.addAllowedMethod("PUT");
        cors.addAllowedMethod("PATCH");
        cors.addAllowedMethod("DELETE");
        cors.addAllowedHeader("Authorization");
        cors.addAllowedHeader("Content-Type");
        cors.addAllowedHeader("Accept-Language");
        cors.addAllowedHeader("If-None-Match");
        cors.addAllowedHeader("If-Match");
        cors.addAllowedHeader("X-Correlation-Id");
        cors.addAllowedHeader("X-Request-Id");
        cors.addExposedHeader("X-Correlation-Id");
        cors.addExposedHeader("X-Request-Id");
        cors.addExposedHeader("ETag");
        cors.addExposedHeader("Location");
        cors.addExposedHeader("Retry-After");
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new CorsWebFilter(source);
    }
}
