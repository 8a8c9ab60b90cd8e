package io.huduma.requests.calendar;

import static io.huduma.requests.calendar.WorkingCalendarTest.CALENDAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class SlaClockTest {

    // Monday 13 April 2026, 10:00 in Dar es Salaam
    static final Instant MONDAY = Instant.parse("2026-04-13T07:00:00Z");

    @Test
    void startsWithTheDueDateOfTheSla() {
        SlaClock clock = SlaClock.start(CALENDAR, MONDAY, 5);
        assertThat(clock.dueDate()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(clock.paused()).isFalse();
    }

    @Test
    void pausesWhileWaitingOnTheCitizenAndMovesTheDueDateByTheWorkingDaysPaused() {
        SlaClock clock = SlaClock.start(CALENDAR, MONDAY, 5)
                .pause(Instant.parse("2026-04-14T07:00:00Z"));           // Tuesday
        // still paused on Friday: the due date moved by Wed, Thu, Fri
        assertThat(clock.effectiveDueDate(CALENDAR, Instant.parse("2026-04-17T07:00:00Z")))
                .isEqualTo(LocalDate.of(2026, 4, 23));

        SlaClock resumed = clock.resume(CALENDAR, Instant.parse("2026-04-21T07:00:00Z")); // next Tuesday
        // Wed, Thu, Fri, Mon, Tue = 5 working days paused
        assertThat(resumed.pausedWorkingDays()).isEqualTo(5);
        assertThat(resumed.dueDate()).isEqualTo(LocalDate.of(2026, 4, 27));
        assertThat(resumed.paused()).isFalse();
    }

    @Test
    void aPausedRequestDoesNotBreachItsSla() {
        SlaClock clock = SlaClock.start(CALENDAR, MONDAY, 1).pause(MONDAY);
        Instant monthLater = Instant.parse("2026-05-13T07:00:00Z");
        assertThat(clock.onTime(CALENDAR, monthLater, null)).isTrue();
        assertThat(SlaClock.start(CALENDAR, MONDAY, 1).onTime(CALENDAR, monthLater, null)).isFalse();
    }

    @Test
    void onTimeIsJudgedAtTheDecision() {
        SlaClock clock = SlaClock.start(CALENDAR, MONDAY, 2); // due Wednesday 15th
        assertThat(clock.onTime(CALENDAR, Instant.parse("2026-06-01T07:00:00Z"), Instant.parse("2026-04-15T14:00:00Z"))).isTrue();
        assertThat(clock.onTime(CALENDAR, Instant.parse("2026-06-01T07:00:00Z"), Instant.parse("2026-04-16T07:00:00Z"))).isFalse();
    }

    @Test
    void workingDaysToDecisionLeaveThePauseOut() {
        assertThat(SlaClock.workingDaysToDecision(CALENDAR, MONDAY, Instant.parse("2026-04-24T07:00:00Z"), 3)).isEqualTo(6);
    }
}
