package io.huduma.notifications.delivery;

/** Announces what became of a delivery (published through the outbox in the caller's transaction). */
interface DeliveryFacts {

    void delivered(Delivery delivery);

    /** Also puts the delivery on the dead-letter topic with the reason. */
    void failed(Delivery delivery, String reason);
}
