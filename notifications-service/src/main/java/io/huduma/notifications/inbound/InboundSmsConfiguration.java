package io.huduma.notifications.inbound;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reply allowances per number. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboundSmsProperties.class)
class InboundSmsConfiguration {

    @Bean
    ReplyLimits replyLimits(InboundSmsProperties properties) {
        return new ReplyLimits(properties.repliesPerNumber(), properties.period());
    }
}
