package io.huduma.requests.request;

import java.time.Instant;
import java.time.LocalDate;

import com.google.protobuf.Timestamp;
import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.LocalizedText;
import io.huduma.contracts.common.v1.Money;
import io.huduma.contracts.requests.v1.RequestSlaBreached;
import io.huduma.contracts.requests.v1.RequestStatusChanged;
import io.huduma.contracts.requests.v1.RequestSubmitted;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.platform.events.OutboxWriter;
import io.huduma.requests.calendar.WorkingCalendar;
import com.google.protobuf.Message;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Turns the workflow's facts into {@code huduma.requests.v1} messages on the outbox (key: request id). */
@Component
class RequestEvents implements RequestEventPublisher {

    private final OutboxWriter outbox;
    private final WorkingCalendar calendar;
    private final JdbcClient jdbc;

    RequestEvents(OutboxWriter outbox, WorkingCalendar calendar, JdbcClient jdbc) {
        this.outbox = outbox;
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    /** Appends to the outbox and remembers which request the event was about (for delivery reports). */
    private void append(Request r, Message payload) {
        EventEnvelope sent = outbox.append(Topics.REQUESTS, r.id().toString(), r.service().agencyCode(), payload);
        jdbc.sql("INSERT INTO request_event (event_id, request_id, event_type) VALUES (?, ?, ?)")
                .params(sent.getId(), r.id(), sent.getType()).update();
    }

    @Override
    public void submitted(Request r) {
        RequestSubmitted.Builder event = RequestSubmitted.newBuilder()
                .setRequestId(r.id().toString())
                .setTrackingNumber(r.trackingNumber().value())
                .setServiceId(r.service().serviceId().toString())
                .setServiceVersion(r.service().version())
                .setAgencyCode(r.service().agencyCode())
                .setServiceName(name(r))
                .setCitizenSubject(r.citizenSubject())
                .setChannel(channel(r.channel()))
                .setDueAt(endOf(r.clock().dueDate()))
                .setSlaWorkingDays(r.service().slaWorkingDays())
                .setDueDate(r.clock().dueDate().toString());
        if (r.service().feeAmountMinor() != null) {
            event.setFee(Money.newBuilder().setAmountMinor(r.service().feeAmountMinor())
                    .setCurrency(r.service().feeCurrency() == null ? "TZS" : r.service().feeCurrency()));
        }
        append(r, event.build());
    }

    @Override
    public void statusChanged(Request before, Request after, String actorSubject) {
        append(after, RequestStatusChanged.newBuilder()
                .setRequestId(after.id().toString())
                .setTrackingNumber(after.trackingNumber().value())
                .setAgencyCode(after.service().agencyCode())
                .setServiceName(name(after))
                .setCitizenSubject(after.citizenSubject())
                .setFromStatus(before.status().name())
                .setToStatus(after.status().name())
                .setVisibleNote(after.visibleNote() != null && !after.visibleNote().equals(before.visibleNote())
                        ? after.visibleNote() : "")
                .setActorSubject(actorSubject == null ? "" : actorSubject)
                .setServiceId(after.service().serviceId().toString())
                .setOutcomeReference(after.outcomeReference() == null ? "" : after.outcomeReference())
                .setDueDate(after.dueDate(calendar, Instant.now()).toString())
                .build());
    }

    @Override
    public void slaBreached(Request r) {
        append(r, RequestSlaBreached.newBuilder()
                .setRequestId(r.id().toString())
                .setTrackingNumber(r.trackingNumber().value())
                .setAgencyCode(r.service().agencyCode())
                .setServiceId(r.service().serviceId().toString())
                .setServiceName(name(r))
                .setStatus(r.status().name())
                .setDueDate(r.clock().dueDate().toString())
                .setAssigneeSubject(r.assigneeSubject() == null ? "" : r.assigneeSubject())
                .build());
    }

    private static LocalizedText name(Request r) {
        return LocalizedText.newBuilder().setSw(r.service().nameSw()).setEn(r.service().nameEn()).build();
    }

    private Timestamp endOf(LocalDate date) {
        Instant end = date.plusDays(1).atStartOfDay(calendar.zone()).toInstant().minusSeconds(1);
        return Timestamp.newBuilder().setSeconds(end.getEpochSecond()).build();
    }

    private static io.huduma.contracts.common.v1.Channel channel(Channel channel) {
        return switch (channel) {
            case WEB -> io.huduma.contracts.common.v1.Channel.CHANNEL_WEB;
            case MOBILE -> io.huduma.contracts.common.v1.Channel.CHANNEL_MOBILE;
            case SMS -> io.huduma.contracts.common.v1.Channel.CHANNEL_SMS;
            case USSD -> io.huduma.contracts.common.v1.Channel.CHANNEL_USSD;
        };
    }
}
