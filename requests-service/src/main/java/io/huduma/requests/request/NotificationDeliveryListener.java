package io.huduma.requests.request;

import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.notifications.v1.NotificationDelivered;
import io.huduma.contracts.notifications.v1.NotificationFailed;
import io.huduma.platform.events.EventEnvelopes;
import io.huduma.platform.events.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Consumes notifications-service's delivery reports into the requests' timelines (idempotent). */
@Component
class NotificationDeliveryListener {

    private static final String CONSUMER = "requests-service.notification-deliveries";

    private final RecordingDeliveries deliveries;
    private final ProcessedEvents processedEvents;

    NotificationDeliveryListener(RecordingDeliveries deliveries, ProcessedEvents processedEvents) {
        this.deliveries = deliveries;
        this.processedEvents = processedEvents;
    }

    @KafkaListener(topics = Topics.NOTIFICATION_DELIVERIES)
    @Transactional
    void on(ConsumerRecord<String, EventEnvelope> record) {
        EventEnvelope event = record.value();
        if (!processedEvents.firstTime(CONSUMER, event.getId())) {
            return;
        }
        if (EventEnvelopes.is(event, NotificationDelivered.class)) {
            NotificationDelivered delivered = EventEnvelopes.unpack(event, NotificationDelivered.class);
            deliveries.record(delivered.getCauseEventId(), delivered.getChannel(), true, null, event.getId(),
                    EventEnvelopes.time(event));
        } else if (EventEnvelopes.is(event, NotificationFailed.class)) {
            NotificationFailed failed = EventEnvelopes.unpack(event, NotificationFailed.class);
            deliveries.record(failed.getCauseEventId(), failed.getChannel(), false, failed.getReason(), event.getId(),
                    EventEnvelopes.time(event));
        }
    }
}
