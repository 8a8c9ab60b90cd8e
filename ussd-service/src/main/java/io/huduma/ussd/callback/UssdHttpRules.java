package io.huduma.ussd.callback;

import static org.springframework.http.HttpMethod.POST;

import io.huduma.platform.security.HttpRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call ussd-service over HTTP: the aggregator's callback carries no token of ours (its key and address are checked). */
@Configuration(proxyBeanMethods = false)
class UssdHttpRules {

    @Bean
    HttpRules ussdCallbackRules() {
        return auth -> auth.requestMatchers(POST, UssdCallbackController.PATH).permitAll();
    }
}
