package io.huduma.notifications.sms;

/**
 * A message a handset wrote to the platform, as an SMSC handed it over ({@code deliver_sm}).
 *
 * @param source      the sender as the SMSC gave it (E.164 or national digits)
 * @param destination the short code or sender id written to
 * @param text        the decoded text
 * @param reference   the SMSC's {@code user_message_reference}, the same on a redelivery; {@code -1} when absent
 */
public record MobileOriginatedSms(String source, String destination, String text, int reference) {
}
