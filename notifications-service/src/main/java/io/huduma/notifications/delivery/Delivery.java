package io.huduma.notifications.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to one recipient on one channel and what became of it:
 * {@code QUEUED -> SENT -> DELIVERED | FAILED}. For one-time codes {@code body} is the masked text.
 */
public record Delivery(UUID id, String causeEventId, String kind, Channel channel, String recipient,
                       String recipientSubject, String language, String subjectLine, String body, String html,
                       boolean masked, String agency, int priority, DeliveryStatus status, String provider,
                       String providerMessageId, int attempts, String lastError, Instant nextAttemptAt,
                       Instant createdAt, Instant sentAt, Instant deliveredAt, Instant failedAt) {
}
