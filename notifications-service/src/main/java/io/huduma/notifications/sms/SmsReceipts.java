package io.huduma.notifications.sms;

/** Where providers report what became of a message they took (SMPP delivery receipts, HTTP callbacks). */
public interface SmsReceipts {

    /** The handset has the message. */
    void delivered(String provider, String providerMessageId);

    /** The provider gave up on the message (expired, undeliverable, rejected). */
    void undeliverable(String provider, String providerMessageId, String reason);
}
