package io.huduma.requests.request;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.huduma.platform.domain.DomainException;
import io.huduma.requests.calendar.WorkingCalendar;
import io.huduma.requests.catalog.PublishedServices;
import io.huduma.requests.form.AnswerValidator;
import io.huduma.platform.language.Language;
import io.huduma.requests.request.Workflow.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What a citizen does with their own request after submitting it: answer what was asked, or withdraw. */
@Service
public class FollowingRequests {

    private final ReadingRequests reading;
    private final RequestRepository repository;
    private final RequestEventPublisher events;
    private final PublishedServices services;
    private final AnswerValidator validator;
    private final WorkingCalendar calendar;
    private final JsonMapper json;
    private final Clock clock;

    FollowingRequests(ReadingRequests reading, RequestRepository repository, RequestEventPublisher events,
                      PublishedServices services, AnswerValidator validator, WorkingCalendar calendar, JsonMapper json,
                      Clock clock) {
        this.reading = reading;
        this.repository = repository;
        this.events = events;
        this.services = services;
        this.validator = validator;
        this.calendar = calendar;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The citizen's answers to what the officer asked, while the request is {@code NEEDS_INFO}: merged
     * over the earlier answers and validated against the form of the version applied for; the request
     * goes back to {@code IN_REVIEW} and its SLA clock runs again.
     */
    @Transactional
    public RequestView respond(UUID id, Viewer citizen, JsonNode answers, String note, Language lang) {
        Request request = reading.visible(id, citizen);
        if (request.status() != RequestStatus.NEEDS_INFO) {
            throw DomainException.conflict("The request is " + request.status() + "; answers are taken only while it needs information");
        }
        if (answers == null || !answers.isObject()) {
            throw DomainException.invalid("/answers", lang.pick("majibu yanapaswa kuwa kitu cha JSON", "answers must be a JSON object"));
        }
        ObjectNode merged = (ObjectNode) json.readTree(request.answersJson());
        answers.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        validator.requireValid(services.version(request.service().serviceId(), request.service().version()).formSchemaJson(),
                merged, lang);
        Instant now = clock.instant();
        Request answered = request.withAnswers(json.writeValueAsString(merged), now);
        Request next = answered.move(RequestStatus.IN_REVIEW, Actor.CITIZEN, null, false, null, now, calendar);
        save(request, next);
        repository.append(id, new TimelineEntry(now, TimelineEntry.Kind.RESPONDED, RequestStatus.NEEDS_INFO,
                RequestStatus.IN_REVIEW, TimelineEntry.CITIZEN, null, citizen.subject(), note, true));
        events.statusChanged(request, next, null);
        return RequestView.of(next, false, calendar, now, json);
    }

    /** The citizen withdraws before a decision. */
    @Transactional
    public RequestView withdraw(UUID id, Viewer citizen, String reason) {
        Request request = reading.visible(id, citizen);
        Instant now = clock.instant();
        Request next = request.move(RequestStatus.WITHDRAWN, Actor.CITIZEN, reason, true, null, now, calendar);
        save(request, next);
        repository.append(id, new TimelineEntry(now, TimelineEntry.Kind.STATUS_CHANGED, request.status(),
                RequestStatus.WITHDRAWN, TimelineEntry.CITIZEN, null, citizen.subject(), reason, true));
        events.statusChanged(request, next, null);
        return RequestView.of(next, false, calendar, now, json);
    }

    private void save(Request before, Request next) {
        if (!repository.update(next, before.version())) {
            throw DomainException.conflict("The request changed meanwhile; read it again");
        }
    }
}
