package io.huduma.notifications.delivery;

/** How many deliveries are in one status on one channel through one provider. */
public record DeliveryCount(Channel channel, String provider, DeliveryStatus status, long count) {
}
