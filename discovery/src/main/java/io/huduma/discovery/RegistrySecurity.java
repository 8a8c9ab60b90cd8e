package io.huduma.discovery;

import java.util.Arrays;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The registry answers only the platform's own services: registering, renewing and reading
 * {@code /eureka/**} (and the dashboard, and the metrics) need HTTP Basic with the registry's
 * credentials ({@code EUREKA_USER} / {@code EUREKA_PASSWORD}). Only the health probes are open.
 *
 * <p>Fails closed: without {@code EUREKA_PASSWORD} the registry refuses to start, except in the
 * profiles named in {@link #DEV_PROFILES}, where the dev password of the local stack and the tests
 * applies.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistrySecurity.Credentials.class)
class RegistrySecurity {

    /** Profiles that may run on the dev password (the local stack, the test infrastructure, demos). */
    static final Set<String> DEV_PROFILES = Set.of("local", "test", "demo");
    static final String DEV_PASSWORD = "dev-eureka-password";

    @ConfigurationProperties("huduma.discovery")
    record Credentials(String username, String password) {
    }

    @Bean
    SecurityFilterChain registrySecurityChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                // Eureka clients are not browsers: no session, no CSRF token on their PUT/POST/DELETE
                .csrf(csrf -> csrf.ignoringRequestMatchers("/eureka/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    UserDetailsService registryUsers(Credentials credentials, Environment environment, PasswordEncoder encoder) {
        String username = credentials.username() == null || credentials.username().isBlank()
                ? "huduma" : credentials.username();
        String password = passwordFor(credentials.password(), environment.getActiveProfiles());
        return new InMemoryUserDetailsManager(User.withUsername(username)
                .password(encoder.encode(password)).roles("SERVICE").build());
    }

    /**
     * Every registry call (a heartbeat a second per instance in tests, every 30 s in production, the
     * registry fetches) checks the password again: a deliberately slow hash (bcrypt, ~100 ms of CPU) made
     * heartbeats time out under load. The password is a generated secret from the environment, not a
     * person's, so a fast PBKDF2 (1,000 rounds, constant-time comparison) is enough.
     */
    @Bean
    PasswordEncoder registryPasswordEncoder() {
        return new Pbkdf2PasswordEncoder("", 16, 1_000, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
    }

    static String passwordFor(String configured, String... activeProfiles) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (Arrays.stream(activeProfiles).anyMatch(DEV_PROFILES::contains)) {
            return DEV_PASSWORD;
        }
        throw new IllegalStateException("EUREKA_PASSWORD is not set: the registry refuses to start without "
                + "credentials outside the " + DEV_PROFILES + " profiles (active: " + Arrays.toString(activeProfiles) + ")");
    }
}
