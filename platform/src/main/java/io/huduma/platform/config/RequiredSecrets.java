package io.huduma.platform.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Configuration that fails closed: outside the dev profiles ({@code local}, {@code test}, {@code demo})
 * a service refuses to start unless its secrets come from the environment: its Keycloak client secret
 * ({@code HUDUMA_SERVICEAUTH_CLIENTSECRET}), its database credentials ({@code DB_USER}, {@code DB_PASSWORD},
 * when it has a database) and the registry's password ({@code EUREKA_PASSWORD}, when it registers with
 * Eureka). A value that is missing or is one of the local stack's dev values ({@code dev-secret-<module>},
 * {@code postgres}/{@code postgres}) counts as not set. The message names every missing variable at once.
 */
public final class RequiredSecrets implements EnvironmentPostProcessor, Ordered {

    /** The profiles that may run on the local stack's dev values. */
    public static final Set<String> DEV_PROFILES = Set.of("local", "test", "demo");

    private static final String DEV_DATABASE_CREDENTIAL = "postgres";
    private static final String EUREKA_CLIENT = "com.netflix.discovery.EurekaClient";

    @Override
    public int getOrder() {
        // after the configuration files are read (ConfigDataEnvironmentPostProcessor) and profiles are known
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> missing = missing(environment, ClassUtils.isPresent(EUREKA_CLIENT, getClass().getClassLoader()));
        if (!missing.isEmpty()) {
            throw new IllegalStateException(message(environment, missing));
        }
    }

    /** The variables (with why) this environment lacks; empty in the dev profiles or when all are set. */
    static List<String> missing(Environment environment, boolean eurekaClientPresent) {
        if (Arrays.stream(environment.getActiveProfiles()).anyMatch(DEV_PROFILES::contains)) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        String module = environment.getProperty("spring.application.name", "application");
        if (environment.getProperty("huduma.service-auth.enabled", Boolean.class, true)) {
            String secret = environment.getProperty("huduma.service-auth.client-secret");
            if (blank(secret)) {
                missing.add("HUDUMA_SERVICEAUTH_CLIENTSECRET (the Keycloak secret of client svc-" + module + ")");
            } else if (secret.startsWith("dev-secret-")) {
                missing.add("HUDUMA_SERVICEAUTH_CLIENTSECRET (huduma.service-auth.client-secret is a dev secret)");
            }
        }
        if (!blank(environment.getProperty("spring.datasource.url"))) {
            String user = environment.getProperty("spring.datasource.username");
            if (blank(user) || DEV_DATABASE_CREDENTIAL.equals(user)) {
                missing.add("DB_USER (spring.datasource.username is " + (blank(user) ? "not set" : "the dev user") + ")");
            }
            String password = environment.getProperty("spring.datasource.password");
            if (blank(password) || DEV_DATABASE_CREDENTIAL.equals(password)) {
                missing.add("DB_PASSWORD (spring.datasource.password is "
                        + (blank(password) ? "not set" : "the dev password") + ")");
            }
        }
        if (eurekaClientPresent && environment.getProperty("eureka.client.enabled", Boolean.class, true)
                && blank(environment.getProperty("EUREKA_PASSWORD"))) {
            missing.add("EUREKA_PASSWORD (the service registry's password)");
        }
        return missing;
    }

    private static String message(Environment environment, List<String> missing) {
        return "Refusing to start without secrets from the environment: set " + String.join(", ", missing)
                + ". The dev values of the local stack are accepted only in the profiles " + DEV_PROFILES
                + " (active profiles: " + Arrays.toString(environment.getActiveProfiles()) + ")";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
