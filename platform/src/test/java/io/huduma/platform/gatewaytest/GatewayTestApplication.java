package io.huduma.platform.gatewaytest;

import static org.springframework.http.HttpMethod.GET;

import io.huduma.platform.security.ExchangeRules;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * A tiny reactive application standing in for the gateway: ExchangeRules and WebFlux controllers.
 * Tests start it with {@code spring.main.web-application-type=reactive} (MVC is on the classpath too).
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@PropertySource("classpath:io/huduma/platform/gatewaytest/gatewaytest.properties")
public class GatewayTestApplication {

    @Bean
    ExchangeRules exchangeRules() {
        return exchanges -> exchanges
                .pathMatchers(GET, "/gw/public/**").permitAll()
                .pathMatchers("/gw/citizen/**").hasRole("citizen")
                .anyExchange().authenticated();
    }
}
