package io.huduma.requests.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A request's SLA clock: its due date, and since when it is paused (while the request waits on the
 * citizen). Resuming pushes the due date back by the working days the pause lasted; the paused
 * working days are also kept so that "working days to decision" leaves them out.
 *
 * @param dueDate            the last working day on which a decision is on time
 * @param pausedSince        when the current pause began (null when running)
 * @param pausedWorkingDays  working days spent paused in earlier pauses
 */
public record SlaClock(LocalDate dueDate, Instant pausedSince, int pausedWorkingDays) {

    public static SlaClock start(WorkingCalendar calendar, Instant submittedAt, int slaWorkingDays) {
        return new SlaClock(calendar.dueDate(submittedAt, slaWorkingDays), null, 0);
    }

    public boolean paused() {
        return pausedSince != null;
    }

    public SlaClock pause(Instant at) {
        return paused() ? this : new SlaClock(dueDate, at, pausedWorkingDays);
    }

    public SlaClock resume(WorkingCalendar calendar, Instant at) {
        if (!paused()) {
            return this;
        }
        int days = calendar.workingDaysBetween(calendar.dateOf(pausedSince), calendar.dateOf(at));
        return new SlaClock(calendar.addWorkingDays(dueDate, days), null, pausedWorkingDays + days);
    }

    /** The due date as it stands at {@code now}: while paused it moves on with every working day of the pause. */
    public LocalDate effectiveDueDate(WorkingCalendar calendar, Instant now) {
        return resume(calendar, now).dueDate();
    }

    /**
     * Whether the request is (or was) on time: decided by its due date, or, still open, not yet past it
     * at {@code now}.
     */
    public boolean onTime(WorkingCalendar calendar, Instant now, Instant decidedAt) {
        Instant end = decidedAt != null ? decidedAt : now;
        return !calendar.dateOf(end).isAfter(effectiveDueDate(calendar, end));
    }

    /** Working days from submission to {@code decidedAt}, time spent paused left out. */
    public static int workingDaysToDecision(WorkingCalendar calendar, Instant submittedAt, Instant decidedAt,
                                            int pausedWorkingDays) {
        return Math.max(0, calendar.workingDaysBetween(calendar.dateOf(submittedAt), calendar.dateOf(decidedAt))
                - pausedWorkingDays);
    }
}
