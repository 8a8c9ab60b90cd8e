package io.huduma.notifications.delivery;

import io.huduma.contracts.Topics;
import io.huduma.contracts.notifications.v1.NotificationDelivered;
import io.huduma.contracts.notifications.v1.NotificationFailed;
import io.huduma.platform.events.OutboxWriter;
import org.springframework.stereotype.Component;

/**
 * {@code NotificationDelivered} / {@code NotificationFailed} into the outbox, keyed by delivery id; a
 * failed delivery is also written to the dead-letter topic {@code huduma.notifications.deliveries.v1.dlt}.
 */
@Component
class DeliveryEvents implements DeliveryFacts {

    static final String DEAD_LETTERS = Topics.NOTIFICATION_DELIVERIES + ".dlt";

    private final OutboxWriter outbox;

    DeliveryEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void delivered(Delivery delivery) {
        outbox.append(Topics.NOTIFICATION_DELIVERIES, delivery.id().toString(), delivery.agency(),
                NotificationDelivered.newBuilder()
                        .setDeliveryId(delivery.id().toString())
                        .setChannel(delivery.channel().name())
                        .setCauseEventId(delivery.causeEventId())
                        .setRecipientSubject(nullToEmpty(delivery.recipientSubject()))
                        .build());
    }

    @Override
    public void failed(Delivery delivery, String reason) {
        NotificationFailed fact = NotificationFailed.newBuilder()
                .setDeliveryId(delivery.id().toString())
                .setChannel(delivery.channel().name())
                .setCauseEventId(delivery.causeEventId())
                .setRecipientSubject(nullToEmpty(delivery.recipientSubject()))
                .setReason(nullToEmpty(reason))
                .build();
        outbox.append(Topics.NOTIFICATION_DELIVERIES, delivery.id().toString(), delivery.agency(), fact);
        outbox.append(DEAD_LETTERS, delivery.id().toString(), delivery.agency(), fact);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
