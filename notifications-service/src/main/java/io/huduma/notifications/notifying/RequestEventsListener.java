package io.huduma.notifications.notifying;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import com.google.protobuf.Timestamp;
import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.common.v1.LocalizedText;
import io.huduma.contracts.requests.v1.RequestSlaBreached;
import io.huduma.contracts.requests.v1.RequestStatusChanged;
import io.huduma.contracts.requests.v1.RequestSubmitted;
import io.huduma.notifications.template.MessageKinds;
import io.huduma.platform.events.EventEnvelopes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * requests-service's facts: a receipt when a citizen applies, a message per status change (the officer's
 * visible note included), a mail to the agency when a request passes its due date.
 */
@Component
class RequestEventsListener {

    private static final ZoneId TANZANIA = ZoneId.of("Africa/Dar_es_Salaam");

    private final NotifyingPeople notifying;

    RequestEventsListener(NotifyingPeople notifying) {
        this.notifying = notifying;
    }

    @KafkaListener(id = "notifications-requests", idIsGroup = false, topics = Topics.REQUESTS,
            concurrency = "${huduma.notifications.listener-concurrency:3}")
    void on(ConsumerRecord<String, EventEnvelope> record) {
        EventEnvelope event = record.value();
        if (EventEnvelopes.is(event, RequestSubmitted.class)) {
            RequestSubmitted p = EventEnvelopes.unpack(event, RequestSubmitted.class);
            notifying.notify(new Notice(event.getId(), MessageKinds.REQUEST_SUBMITTED, p.getCitizenSubject(),
                    p.getAgencyCode(), Map.of(
                            "serviceName", text(p.getServiceName()),
                            "trackingNumber", Text.of(p.getTrackingNumber()),
                            "dueDate", Text.of(p.hasDueAt() ? date(p.getDueAt()) : "")), false));
        } else if (EventEnvelopes.is(event, RequestStatusChanged.class)) {
            RequestStatusChanged p = EventEnvelopes.unpack(event, RequestStatusChanged.class);
            notifying.notify(new Notice(event.getId(), MessageKinds.REQUEST_STATUS_CHANGED + "." + p.getToStatus(),
                    p.getCitizenSubject(), p.getAgencyCode(), Map.of(
                            "serviceName", text(p.getServiceName()),
                            "trackingNumber", Text.of(p.getTrackingNumber()),
                            "status", NotifyingPeople.status(p.getToStatus()),
                            "note", Text.of(p.getVisibleNote())), false));
        } else if (EventEnvelopes.is(event, RequestSlaBreached.class)) {
            RequestSlaBreached p = EventEnvelopes.unpack(event, RequestSlaBreached.class);
            notifying.notifyAgency(new Notice(event.getId(), MessageKinds.REQUEST_SLA_BREACHED, null,
                    p.getAgencyCode(), Map.of(
                            "serviceName", text(p.getServiceName()),
                            "trackingNumber", Text.of(p.getTrackingNumber()),
                            "dueDate", Text.of(p.getDueDate())), false));
        }
    }

    private static Text text(LocalizedText text) {
        return new Text(text.getSw(), text.getEn());
    }

    private static String date(Timestamp time) {
        return Instant.ofEpochSecond(time.getSeconds(), time.getNanos()).atZone(TANZANIA).toLocalDate().toString();
    }
}
