package io.huduma.notifications.notifying;

import java.util.Map;

/**
 * Something a person should be told, caused by one event.
 *
 * @param eventId          the causing event (with channel and recipient, what makes a message unique)
 * @param kind             the kind of message (chooses the templates)
 * @param recipientSubject the person, by token subject
 * @param agency           the agency the event belongs to ("" or null for none)
 * @param values           placeholder values; {@code name} is added from the contact when absent
 * @param security         security messages are sent even to people who opted out
 */
public record Notice(String eventId, String kind, String recipientSubject, String agency, Map<String, Text> values,
                     boolean security) {
}
