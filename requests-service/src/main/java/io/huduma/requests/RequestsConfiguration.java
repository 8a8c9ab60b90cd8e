package io.huduma.requests;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the whole service shares. */
@Configuration(proxyBeanMethods = false)
class RequestsConfiguration {

    /** The clock of SLA deadlines and timestamps; UTC, shown in Africa/Dar_es_Salaam. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
