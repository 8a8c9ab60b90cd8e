package io.huduma.requests.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.huduma.requests.calendar.SlaClock;
import io.huduma.requests.calendar.WorkingCalendar;
import io.huduma.requests.request.Workflow.Actor;

/**
 * One application: who made it, for which service version, the answers (JSON text), where it
 * stands in the workflow and its SLA clock. Immutable; every change returns the next state with
 * {@code version} bumped.
 */
public record Request(UUID id, TrackingNumber trackingNumber, String citizenSubject, String citizenPhone,
                      Channel channel, ServiceSnapshot service, String answersJson, RequestStatus status,
                      int version, String assigneeSubject, Instant submittedAt, Instant updatedAt, SlaClock clock,
                      Instant decidedAt, String outcomeReference, String visibleNote, Instant slaBreachedAt) {

    /** A request as submitted. */
    public static Request submitted(UUID id, TrackingNumber trackingNumber, String citizenSubject, String citizenPhone,
                                    Channel channel, ServiceSnapshot service, String answersJson, Instant at,
                                    WorkingCalendar calendar) {
        return new Request(id, trackingNumber, citizenSubject, citizenPhone, channel, service, answersJson,
                RequestStatus.SUBMITTED, 1, null, at, at, SlaClock.start(calendar, at, service.slaWorkingDays()),
                null, null, null, null);
    }

    /**
     * The request moved to {@code to} by {@code actor}: the workflow must allow it. Entering
     * {@code NEEDS_INFO} pauses the SLA clock, leaving it resumes it; a decision or a withdrawal stops it.
     */
    public Request move(RequestStatus to, Actor actor, String note, boolean noteVisible, String outcome,
                        Instant at, WorkingCalendar calendar) {
        Workflow.check(status, to, actor, note, outcome);
        SlaClock next = to == RequestStatus.NEEDS_INFO ? clock.pause(at) : clock.resume(calendar, at);
        Instant decided = decidedAt;
        if (decided == null && (to.isDecision() || to == RequestStatus.WITHDRAWN)) {
            decided = at;
        }
        String visible = noteVisible && note != null && !note.isBlank() ? note : visibleNote;
        return new Request(id, trackingNumber, citizenSubject, citizenPhone, channel, service, answersJson, to,
                version + 1, assigneeSubject, submittedAt, at, next, decided,
                to == RequestStatus.COMPLETED ? outcome : outcomeReference, visible, slaBreachedAt);
    }

    public Request withAnswers(String answers, Instant at) {
        return new Request(id, trackingNumber, citizenSubject, citizenPhone, channel, service, answers, status,
                version, assigneeSubject, submittedAt, at, clock, decidedAt, outcomeReference, visibleNote, slaBreachedAt);
    }

    public Request assignedTo(String subject, Instant at) {
        return new Request(id, trackingNumber, citizenSubject, citizenPhone, channel, service, answersJson, status,
                version + 1, subject, submittedAt, at, clock, decidedAt, outcomeReference, visibleNote, slaBreachedAt);
    }

    /** The due date as it stands at {@code now} (it moves while the request waits on the citizen). */
    public LocalDate dueDate(WorkingCalendar calendar, Instant now) {
        return clock.effectiveDueDate(calendar, decidedAt != null ? decidedAt : now);
    }

    public boolean onTime(WorkingCalendar calendar, Instant now) {
        return clock.onTime(calendar, now, decidedAt);
    }

    /** Open, not waiting on the citizen, and past its due date at {@code now}. */
    public boolean breachedAt(WorkingCalendar calendar, Instant now) {
        return !status.isClosed() && !clock.paused() && !onTime(calendar, now);
    }

    public String etag() {
        return "\"" + id + "." + version + "\"";
    }
}
