package io.huduma.notifications.http;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.huduma.platform.security.HttpRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call which endpoint of notifications-service. */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    static final String CITIZEN = "citizen";
    static final String PLATFORM_ADMIN = "platform-admin";

    @Bean
    HttpRules notificationsHttpRules() {
        return auth -> auth
                .requestMatchers(GET, "/api/v1/notifications/me").hasRole(CITIZEN)
                .requestMatchers(GET, "/api/v1/notifications/statistics", "/api/v1/notifications/deliveries/failed",
                        "/api/v1/notifications/templates", "/api/v1/notifications/templates/**").hasRole(PLATFORM_ADMIN)
                .requestMatchers(PUT, "/api/v1/notifications/templates/**").hasRole(PLATFORM_ADMIN)
                .requestMatchers(POST, "/api/v1/notifications/templates/**", "/api/v1/notifications/deliveries/*/retry")
                .hasRole(PLATFORM_ADMIN)
                // the HTTP SMS provider's delivery reports: no token of ours, a shared key in the URL instead
                .requestMatchers(POST, "/api/v1/notifications/sms-receipts/http").permitAll()
                .anyRequest().authenticated();
    }
}
