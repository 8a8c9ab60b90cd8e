package io.huduma.requests.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days in one time zone: Monday to Friday, less the public holidays it is given. SLA
 * deadlines count in it: a request submitted on day D with an SLA of N working days is due on the
 * N-th working day after D, whatever the hour of submission.
 */
public final class WorkingCalendar {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;

    public WorkingCalendar(ZoneId zone, Collection<LocalDate> holidays) {
        this.zone = zone;
        this.holidays = Set.copyOf(new TreeSet<>(holidays));
    }

    public ZoneId zone() {
        return zone;
    }

    /** The local date of an instant in this calendar's zone. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /** The {@code days}-th working day after {@code start} ({@code start} itself when {@code days} is 0). */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate date = start;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    /** The due date of something submitted at {@code submittedAt} with an SLA of {@code slaWorkingDays}. */
    public LocalDate dueDate(Instant submittedAt, int slaWorkingDays) {
        return addWorkingDays(dateOf(submittedAt), slaWorkingDays);
    }
}
