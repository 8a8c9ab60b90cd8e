package io.huduma.identity.code;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CodeProperties.class)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "5m")
class CodeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
