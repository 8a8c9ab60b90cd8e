package io.huduma.requests.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The working-day calendar of SLA clocks ({@code huduma.requests.calendar.*}): its zone and the
 * public holidays (the list shipped in application.yaml covers 2026 and 2027; operators extend it).
 */
@ConfigurationProperties("huduma.requests.calendar")
record CalendarProperties(ZoneId zone, List<LocalDate> holidays) {

    CalendarProperties {
        zone = zone == null ? ZoneId.of("Africa/Dar_es_Salaam") : zone;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
