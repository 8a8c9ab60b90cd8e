package io.huduma.gateway.routes;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes each service's OpenAPI document at {@code /<eureka-id>/v3/api-docs}. Only that one
 * path per service: a service's actuator and anything else it serves stay internal.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class OpenApiRoutes {

    @Bean
    RouteLocator openApiDocs(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (String service : properties.documentedServices()) {
            routes.route(service + "-openapi", r -> r.path("/" + service + "/v3/api-docs")
                    .filters(f -> f.setPath("/v3/api-docs"))
                    .uri("lb://" + service));
        }
        return routes.build();
    }
}
