package io.huduma.notifications.sms;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/** The SMS providers of the service, in order of priority, behind one router. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
class SmsConfiguration {

    @Bean(destroyMethod = "close")
    SmppProvider smppProvider(SmsProperties properties, SmsReceipts receipts, ObjectProvider<IncomingSms> incoming) {
        // looked up when a message arrives: what takes them answers through this very provider
        SmppProvider provider = new SmppProvider(properties.smpp(), properties.sender(), receipts,
                incoming::getIfAvailable);
        if (properties.smpp().enabled()) {
            provider.start();
        }
        return provider;
    }

    @Bean
    HttpSmsProvider httpSmsProvider(SmsProperties properties, Environment environment, JsonMapper json) {
        SmsProperties.Http http = properties.http();
        // the service's own address is known only once the web server listens (a random port in tests)
        return new HttpSmsProvider(http, properties.sender(), () -> http.callbackBaseUrl() != null
                && !http.callbackBaseUrl().isBlank() ? http.callbackBaseUrl()
                : "http://127.0.0.1:" + environment.getProperty("local.server.port",
                        environment.getProperty("server.port", "8084")), json);
    }

    @Bean
    SmsRouting smsRouting(SmsProperties properties, SmppProvider smpp, HttpSmsProvider http) {
        List<SmsProvider> providers = new ArrayList<>();
        if (properties.smpp().enabled()) {
            providers.add(smpp);
        }
        if (properties.http().enabled()) {
            providers.add(http);
        }
        return new SmsRouting(providers);
    }
}
