package io.huduma.platform.security;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Servlet services: a stateless bearer-token resource server whose 401/403 are problems, with the
 * service's {@link HttpRules} and a {@link Caller} for controllers. Method security
 * ({@code @PreAuthorize}) is on.
 */
@AutoConfiguration(after = HudumaJwtAutoConfiguration.class, before = {SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableMethodSecurity
public class HudumaServletSecurityAutoConfiguration {

    /**
     * The catch-all chain, ordered last: a service may still put a chain of its own for a narrower
     * path (a {@code securityMatcher}) in front of it.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain hudumaSecurityFilterChain(HttpSecurity http, ObjectProvider<HttpRules> rules, JwtDecoder jwtDecoder,
            Environment environment) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        ProblemAccessDeniedHandler deniedHandler = new ProblemAccessDeniedHandler();
        List<String> open = OpenPaths.of(environment);
        String errorPath = environment.getProperty("server.error.path", "/error");
        return http
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens travel in a header the browser never adds by itself: no CSRF to guard against
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(auth -> {
                    auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    auth.requestMatchers(errorPath).permitAll();
                    auth.requestMatchers(open.toArray(String[]::new)).permitAll();
                    // each feature's rules, in @Order order, then the service-wide default
                    rules.orderedStream().forEach(featureRules -> featureRules.configure(auth));
                    HttpRules.endWithAuthenticated(auth);
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(BearerTokens.servletResolver())
                        .jwt(jwt -> jwt.decoder(jwtDecoder)
                                .jwtAuthenticationConverter(KeycloakJwt.authenticationConverter()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler))
                .build();
    }

    /** Spring Security's strict firewall, its header check without a regular expression per header read. */
    @Bean
    @ConditionalOnMissingBean(HttpFirewall.class)
    HttpFirewall hudumaHttpFirewall() {
        return HeaderCharacters.servletFirewall();
    }

    @Bean
    WebMvcConfigurer hudumaCallerArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
