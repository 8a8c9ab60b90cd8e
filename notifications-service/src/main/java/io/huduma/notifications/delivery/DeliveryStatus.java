package io.huduma.notifications.delivery;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its (next) attempt. */
    QUEUED,
    /** A provider took it; the receipt has not come yet. */
    SENT,
    /** The handset (receipt) or the mail relay has it. */
    DELIVERED,
    /** Given up after every attempt; an admin may queue it again. */
    FAILED
}
