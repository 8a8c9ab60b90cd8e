package io.huduma.notifications.delivery;

/** How a message reaches its recipient. */
public enum Channel {
    SMS,
    EMAIL
}
