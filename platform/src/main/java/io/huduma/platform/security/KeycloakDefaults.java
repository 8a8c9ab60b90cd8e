package io.huduma.platform.security;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Lowest-precedence defaults so that a service only sets {@code huduma.keycloak.url}: the
 * resource server's issuer is {@code ${huduma.keycloak.url}/realms/huduma}, and the URL itself
 * defaults to the local stack's Keycloak.
 */
class KeycloakDefaults implements EnvironmentPostProcessor {

    static final String KEYCLOAK_URL = "huduma.keycloak.url";
    static final String LOCAL_KEYCLOAK = "http://localhost:8180";
    static final String REALM = "huduma";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DefaultPropertiesPropertySource.addOrMerge(Map.of(
                KEYCLOAK_URL, LOCAL_KEYCLOAK,
                HudumaJwtAutoConfiguration.ISSUER_URI, "${" + KEYCLOAK_URL + "}/realms/" + REALM),
                environment.getPropertySources());
    }
}
