package io.huduma.notifications.template;

import java.time.Instant;

/**
 * One message template: Mustache texts for one kind of message, channel and language. SMS uses only
 * {@code body}; email has a subject line, a text body and an HTML body.
 */
public record Template(String kind, String channel, String language, String subjectLine, String body, String html,
                       int version, Instant updatedAt, String updatedBy) {
}
