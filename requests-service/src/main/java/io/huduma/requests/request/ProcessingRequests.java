package io.huduma.requests.request;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.huduma.platform.domain.DomainException;
import io.huduma.requests.calendar.WorkingCalendar;
import io.huduma.requests.request.Workflow.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agency staff work their agency's queue: assign, decide, note. A decision names the version of
 * the request the officer saw (its ETag): when someone else acted first, it is refused as stale,
 * so two officers can never both decide.
 */
@Service
public class ProcessingRequests {

    private final ReadingRequests reading;
    private final RequestRepository repository;
    private final RequestEventPublisher events;
    private final WorkingCalendar calendar;
    private final JsonMapper json;
    private final Clock clock;

    ProcessingRequests(ReadingRequests reading, RequestRepository repository, RequestEventPublisher events,
                       WorkingCalendar calendar, JsonMapper json, Clock clock) {
        this.reading = reading;
        this.repository = repository;
        this.events = events;
        this.calendar = calendar;
        this.json = json;
        this.clock = clock;
    }

    /** The staff member's agency's requests, soonest due first. */
    @Transactional(readOnly = true)
    public Page<RequestView> queue(Viewer staff, QueueFilter filter, int page, int size) {
        Instant now = clock.instant();
        List<RequestView> items = repository.queue(filter, page, size).stream()
                .map(r -> RequestView.of(r, true, calendar, now, json)).toList();
        return Page.of(items, page, size, repository.countQueue(filter));
    }

    /** The request as it stands, for system use (demo data); no access entry. */
    @Transactional(readOnly = true)
    public RequestView current(UUID id) {
        Request request = repository.find(id).orElseThrow(() -> ReadingRequests.notFound(id.toString()));
        return RequestView.of(request, true, calendar, clock.instant(), json);
    }

    /** Assigns the request to the officer themself, or unassigns it. */
    @Transactional
    public RequestView assign(UUID id, Viewer officer, boolean toSelf) {
        Request request = reading.visible(id, officer);
        if (request.status().isClosed()) {
            throw DomainException.conflict("The request is " + request.status() + "; it can no longer be assigned");
        }
        Instant now = clock.instant();
        Request next = request.assignedTo(toSelf ? officer.subject() : null, now);
        if (!repository.update(next, request.version())) {
            throw DomainException.stale("The request changed meanwhile; read it again");
        }
        repository.append(id, new TimelineEntry(now, toSelf ? TimelineEntry.Kind.ASSIGNED : TimelineEntry.Kind.UNASSIGNED,
                null, null, TimelineEntry.OFFICER, officer.agency(), officer.subject(), null, false));
        return RequestView.of(next, true, calendar, now, json);
    }

    /**
     * Moves the request as the workflow allows, if {@code seenEtag} is still its current ETag.
     *
     * @param visibleToCitizen whether the note is shown to the citizen (and sent in the event)
     */
    @Transactional
    public RequestView changeStatus(UUID id, Viewer officer, String seenEtag, RequestStatus to, String note,
                                    boolean visibleToCitizen, String outcomeReference) {
        Request request = reading.visible(id, officer);
        if (!request.etag().equals(seenEtag)) {
            throw DomainException.stale("The request changed since you read it (now " + request.etag() + "); read it again");
        }
        Instant now = clock.instant();
        Request next = request.move(to, Actor.OFFICER, note, visibleToCitizen, outcomeReference, now, calendar);
        if (!repository.update(next, request.version())) {
            throw DomainException.stale("The request changed since you read it; read it again");
        }
        repository.append(id, new TimelineEntry(now, TimelineEntry.Kind.STATUS_CHANGED, request.status(), to,
                TimelineEntry.OFFICER, officer.agency(), officer.subject(), visibleToCitizen ? note : null, true));
        if (note != null && !note.isBlank() && !visibleToCitizen) {
            repository.append(id, new TimelineEntry(now, TimelineEntry.Kind.NOTE, null, null, TimelineEntry.OFFICER,
                    officer.agency(), officer.subject(), note, false));
        }
        events.statusChanged(request, next, officer.subject());
        return RequestView.of(next, true, calendar, now, json);
    }

    /** A note on the request: internal to the agency, or shown to the citizen in their timeline. */
    @Transactional
    public TimelineEntryView addNote(UUID id, Viewer staff, String text, boolean visibleToCitizen) {
        Request request = reading.visible(id, staff);
        TimelineEntry entry = new TimelineEntry(clock.instant(), TimelineEntry.Kind.NOTE, null, null, TimelineEntry.OFFICER,
                staff.agency(), staff.subject(), text, visibleToCitizen);
        repository.append(request.id(), entry);
        return TimelineEntryView.of(entry, true);
    }
}
