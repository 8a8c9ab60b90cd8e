package io.huduma.notifications.delivery;

/**
 * A message to queue. {@code causeEventId} + {@code channel} + {@code recipient} identify it: queuing the
 * same triple twice queues it once.
 *
 * @param priority lower goes first (codes 0, answers to a person's text 1, everything else 5)
 */
public record OutgoingMessage(String causeEventId, String kind, Channel channel, String recipient,
                              String recipientSubject, String language, String subjectLine, String body, String html,
                              boolean masked, String agency, int priority) {

    public static final int URGENT = 0;
    /** Someone is waiting for it on their phone. */
    public static final int REPLY = 1;
    public static final int NORMAL = 5;
}
