package io.huduma.gateway.routes;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Gateway settings beyond Spring Cloud Gateway's own. */
@ConfigurationProperties("huduma.gateway")
record GatewayProperties(
        @DefaultValue({"identity", "service-catalog", "requests-service", "notifications-service"})
        List<String> documentedServices) {
}
