package io.huduma.requests.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link WorkingCalendar} of the service, from {@link CalendarProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

    @Bean
    WorkingCalendar workingCalendar(CalendarProperties properties) {
        return new WorkingCalendar(properties.zone(), properties.holidays());
    }
}
