package io.huduma.requests.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    static final ZoneId DAR = ZoneId.of("Africa/Dar_es_Salaam");
    // Good Friday and Easter Monday 2026, Karume Day
    static final WorkingCalendar CALENDAR = new WorkingCalendar(DAR,
            List.of(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 7),
                    LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)));

    @Test
    void weekendsAndHolidaysAreNotWorkingDays() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 4, 2))).isTrue();   // Thursday
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 4, 3))).isFalse();  // Good Friday
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 4, 4))).isFalse();  // Saturday
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 4, 5))).isFalse();  // Sunday
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 4, 8))).isTrue();   // Wednesday
    }

    @Test
    void dueDateSkipsWeekendsAndTheEasterHolidays() {
        // Thursday 2 April 2026, SLA 2 working days: Fri (holiday), Sat, Sun, Mon (holiday), Tue (holiday), Wed, Thu
        assertThat(CALENDAR.addWorkingDays(LocalDate.of(2026, 4, 2), 2)).isEqualTo(LocalDate.of(2026, 4, 9));
        // Monday 7 December 2026, 5 working days: 8, (9 Uhuru), 10, 11, 14, 15
        assertThat(CALENDAR.addWorkingDays(LocalDate.of(2026, 12, 7), 5)).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(CALENDAR.addWorkingDays(LocalDate.of(2026, 12, 7), 0)).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void theDateIsTakenInDarEsSalaamNotUtc() {
        // 22:30 UTC on Friday 10 April 2026 is already Saturday 01:30 in Dar es Salaam (UTC+3)
        Instant lateFridayUtc = Instant.parse("2026-04-10T22:30:00Z");
        assertThat(CALENDAR.dateOf(lateFridayUtc)).isEqualTo(LocalDate.of(2026, 4, 11));
        // from Saturday, 1 working day is Monday 13th; from Friday it would have been Monday too, 2 days: Tue
        assertThat(CALENDAR.dueDate(lateFridayUtc, 2)).isEqualTo(LocalDate.of(2026, 4, 14));
        assertThat(CALENDAR.dueDate(Instant.parse("2026-04-10T20:59:00Z"), 2)).isEqualTo(LocalDate.of(2026, 4, 14));
        assertThat(CALENDAR.dueDate(Instant.parse("2026-04-10T09:00:00Z"), 1)).isEqualTo(LocalDate.of(2026, 4, 13));
    }

    @Test
    void countsWorkingDaysBetweenTwoDates() {
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 9))).isEqualTo(2);
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 4, 9), LocalDate.of(2026, 4, 9))).isZero();
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 4, 9), LocalDate.of(2026, 4, 2))).isZero();
    }

    @Test
    void theShippedHolidaysCoverThisYearAndNext() {
        WorkingCalendar shipped = new WorkingCalendar(DAR, ShippedHolidays.load());
        for (int year : List.of(2026, 2027)) {
            assertThat(shipped.isWorkingDay(LocalDate.of(year, 1, 1))).isFalse();
            assertThat(shipped.isWorkingDay(LocalDate.of(year, 12, 9).getDayOfWeek().getValue() < 6
                    ? LocalDate.of(year, 12, 9) : LocalDate.of(year, 12, 25))).isFalse();
            assertThat(shipped.isWorkingDay(LocalDate.of(year, 7, 7))).isFalse();
        }
        assertThat(shipped.isWorkingDay(LocalDate.of(2027, 3, 26))).isFalse(); // Good Friday 2027
    }
}
