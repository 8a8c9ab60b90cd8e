package io.huduma.notifications.sms;

/** One route to handsets (an SMSC over SMPP, an HTTP aggregator). */
public interface SmsProvider {

    /** Short name stored with each delivery, e.g. {@code smpp}, {@code http}. */
    String name();

    /** Lower is tried first. */
    int priority();

    /** Messages per second this provider accepts. */
    double messagesPerSecond();

    /**
     * Hands one message to the provider and returns the provider's message id (the key of its delivery
     * receipts). The text is never logged.
     *
     * @throws SmsNotSent when the provider refused the message or could not be reached
     */
    String send(String destination, String text) throws SmsNotSent;
}
