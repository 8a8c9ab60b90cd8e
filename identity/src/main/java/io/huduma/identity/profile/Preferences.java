package io.huduma.identity.profile;

/**
 * What an account holder agreed to receive, per channel and category. Security messages and
 * one-time codes are not a category: they are always sent.
 */
public record Preferences(boolean smsRequestUpdates, boolean smsReminders, boolean emailRequestUpdates,
                          boolean emailReminders) {

    public static final Preferences ALL = new Preferences(true, true, true, true);

    public boolean smsAllowed() {
        return smsRequestUpdates || smsReminders;
    }

    public boolean emailAllowed() {
        return emailRequestUpdates || emailReminders;
    }
}
