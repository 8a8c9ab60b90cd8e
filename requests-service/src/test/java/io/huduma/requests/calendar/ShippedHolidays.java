package io.huduma.requests.calendar;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.StandardEnvironment;

/** The holidays as application.yaml ships them, bound the way the application binds them. */
final class ShippedHolidays {

    private ShippedHolidays() {
    }

    static List<LocalDate> load() {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yaml"));
            StandardEnvironment environment = new StandardEnvironment();
            sources.forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment).bind("huduma.requests.calendar", CalendarProperties.class)
                    .map(CalendarProperties::holidays).orElse(List.of());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
