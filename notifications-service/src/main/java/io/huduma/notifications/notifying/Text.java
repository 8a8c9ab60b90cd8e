package io.huduma.notifications.notifying;

/** A placeholder value in both languages (the same text twice when it has no translation). */
public record Text(String sw, String en) {

    public static Text of(String value) {
        return new Text(value, value);
    }

    /** The value in {@code language}, falling back to the other language when empty. */
    public String in(String language) {
        String preferred = "en".equals(language) ? en : sw;
        String other = "en".equals(language) ? sw : en;
        return preferred == null || preferred.isBlank() ? (other == null ? "" : other) : preferred;
    }
}
