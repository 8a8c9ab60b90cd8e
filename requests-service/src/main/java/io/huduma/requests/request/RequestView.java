package io.huduma.requests.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huduma.requests.calendar.WorkingCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request as the API shows it. {@code citizenSubject} and {@code assignee} are for agency staff only
 * (null, so absent, for the citizen). {@code version} is the one the ETag names.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(UUID id, String trackingNumber, String status, UUID serviceId, int serviceVersion,
                          String agencyCode, Names serviceName, Fee fee, int slaWorkingDays, String channel,
                          JsonNode answers, Instant submittedAt, Instant updatedAt, LocalDate dueDate, boolean onTime,
                          Instant decidedAt, String outcomeReference, String visibleNote, int version,
                          String citizenSubject, String assignee) {

    /** Names in both languages. */
    public record Names(String sw, String en) {
    }

    /** A fee in minor units. */
    public record Fee(long amountMinor, String currency) {
    }

    static RequestView of(Request r, boolean forStaff, WorkingCalendar calendar, Instant now, JsonMapper json) {
        ServiceSnapshot s = r.service();
        return new RequestView(r.id(), r.trackingNumber().value(), r.status().name(), s.serviceId(), s.version(),
                s.agencyCode(), new Names(s.nameSw(), s.nameEn()),
                s.feeAmountMinor() == null ? null : new Fee(s.feeAmountMinor(), s.feeCurrency()), s.slaWorkingDays(),
                r.channel().code(), json.readTree(r.answersJson()), r.submittedAt(), r.updatedAt(),
                r.dueDate(calendar, now), r.onTime(calendar, now), r.decidedAt(), r.outcomeReference(), r.visibleNote(),
                r.version(), forStaff ? r.citizenSubject() : null, forStaff ? r.assigneeSubject() : null);
    }

    /** The strong ETag of this state of the request. */
    public String etag() {
        return "\"" + id + "." + version + "\"";
    }
}
