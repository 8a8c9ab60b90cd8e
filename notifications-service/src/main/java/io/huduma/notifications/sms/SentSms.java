package io.huduma.notifications.sms;

/** Which provider took a message and under which id (the key of its delivery receipt). */
public record SentSms(String provider, String providerMessageId) {
}
