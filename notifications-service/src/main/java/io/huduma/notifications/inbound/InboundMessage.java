package io.huduma.notifications.inbound;

import java.time.Instant;
import java.util.UUID;

/**
 * One message a handset wrote, as recorded: who wrote (to answer), what it asked, and what became of it.
 * The text itself is not kept: a hash of it (with the sender, short code and the SMSC's reference)
 * recognises a redelivery.
 */
record InboundMessage(UUID id, String sender, String shortCode, SmsCommand command, Outcome outcome, int attempts,
                      UUID replyDeliveryId, Instant receivedAt, Instant answeredAt) {

    /** What became of a message. */
    enum Outcome {
        /** Recorded, not answered yet. */
        RECEIVED,
        /** The status of the sender's own request went back. */
        ANSWERED,
        /** No request of that number for this phone: said so. */
        NOT_FOUND,
        /** Help text sent (a help keyword, an unknown one, or a status keyword without a number). */
        HELP,
        /** Over the replies allowed per number: not answered. */
        RATE_LIMITED,
        /** requests-service could not be asked within the attempts: not answered. */
        FAILED
    }
}
