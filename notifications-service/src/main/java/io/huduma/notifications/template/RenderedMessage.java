package io.huduma.notifications.template;

/**
 * A template filled in: what goes out. {@code language} is the template's (after any fallback);
 * {@code encoding} and {@code segments} are set for SMS.
 */
public record RenderedMessage(String kind, String channel, String language, String subjectLine, String body,
                              String html, String encoding, int segments) {
}
