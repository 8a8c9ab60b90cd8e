package io.huduma.requests.request;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.huduma.platform.domain.DomainException;
import io.huduma.requests.calendar.WorkingCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading requests: a citizen their own, staff their agency's. A request the viewer may not see is
 * "not found" (never "forbidden": that would tell it exists). Every read by staff is recorded in the
 * request's timeline, where the citizen sees which office opened it and when.
 */
@Service
public class ReadingRequests {

    private final RequestRepository repository;
    private final WorkingCalendar calendar;
    private final JsonMapper json;
    private final Clock clock;

    ReadingRequests(RequestRepository repository, WorkingCalendar calendar, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.json = json;
        this.clock = clock;
    }

    /** A citizen's own requests, newest first. */
    @Transactional(readOnly = true)
    public Page<RequestView> mine(Viewer citizen, int page, int size) {
        Instant now = clock.instant();
        List<RequestView> items = repository.ofCitizen(citizen.subject(), page, size).stream()
                .map(r -> RequestView.of(r, false, calendar, now, json)).toList();
        return Page.of(items, page, size, repository.countOfCitizen(citizen.subject()));
    }

    @Transactional
    public RequestView read(UUID id, Viewer viewer) {
        return view(visible(id, viewer), viewer);
    }

    /** By tracking number; a mistyped number is refused before any lookup. */
    @Transactional
    public RequestView readByTrackingNumber(String trackingNumber, Viewer viewer) {
        TrackingNumber number = TrackingNumber.parse(trackingNumber).orElseThrow(() -> DomainException.invalid(
                "trackingNumber", "not a valid tracking number (e.g. HD-7K3P-9QX2): a character is mistyped"));
        Request request = repository.findByTrackingNumber(number).filter(viewer::sees)
                .orElseThrow(() -> notFound(number.value()));
        return view(request, viewer);
    }

    @Transactional
    public List<TimelineEntryView> timeline(UUID id, Viewer viewer) {
        Request request = visible(id, viewer);
        recordStaffRead(request, viewer);
        return repository.timeline(request.id(), !viewer.staff()).stream()
                .map(e -> TimelineEntryView.of(e, viewer.staff())).toList();
    }

    /**
     * The public status of a request for the phone it was made from. An unknown number and a phone
     * that does not match get the same "not found", so the call cannot probe for numbers.
     */
    @Transactional(readOnly = true)
    public PublicStatus statusForPhone(String trackingNumber, String phone) {
        TrackingNumber number = TrackingNumber.parse(trackingNumber).orElseThrow(() -> DomainException.invalid(
                "tracking_number", "not a valid tracking number"));
        Request r = repository.findByTrackingNumber(number)
                .filter(found -> phone != null && !phone.isBlank() && phone.equals(found.citizenPhone()))
                .orElseThrow(() -> notFound(number.value()));
        Instant now = clock.instant();
        return new PublicStatus(r.trackingNumber().value(), r.status(), r.service().nameSw(), r.service().nameEn(),
                r.service().agencyCode(), r.updatedAt(), r.visibleNote(), r.dueDate(calendar, now), r.onTime(calendar, now));
    }

    Request visible(UUID id, Viewer viewer) {
        return repository.find(id).filter(viewer::sees).orElseThrow(() -> notFound(id.toString()));
    }

    private RequestView view(Request request, Viewer viewer) {
        recordStaffRead(request, viewer);
        return RequestView.of(request, viewer.staff(), calendar, clock.instant(), json);
    }

    private void recordStaffRead(Request request, Viewer viewer) {
        if (viewer.staff()) {
            repository.append(request.id(), new TimelineEntry(clock.instant(), TimelineEntry.Kind.ACCESSED, null, null,
                    TimelineEntry.OFFICER, viewer.agency(), viewer.subject(), null, true));
        }
    }

    static DomainException notFound(String what) {
        return DomainException.notFound("No request " + what);
    }
}
