package io.huduma.platform.security;

import java.util.List;

import org.springframework.core.env.Environment;

/** Paths every service leaves open: probes and metrics for the platform, the API description for people. */
final class OpenPaths {

    private OpenPaths() {
    }

    static List<String> of(Environment environment) {
        String actuator = environment.getProperty("management.endpoints.web.base-path", "/actuator");
        String apiDocs = environment.getProperty("springdoc.api-docs.path", "/v3/api-docs");
        return List.of(
                actuator + "/health", actuator + "/health/**", actuator + "/info", actuator + "/prometheus",
                apiDocs, apiDocs + "/**", "/swagger-ui.html", "/swagger-ui/**");
    }
}
