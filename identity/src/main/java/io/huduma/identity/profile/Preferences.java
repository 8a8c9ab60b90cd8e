package io.huduma.identity.profile;

/**
 * What an account holder agreed to receive, per channel and category. Security messages and
 * one-time codes are not a category: they are always sent.
 */
public record Preferences(boolean smsRequestUpdates, boolean smsReminders, boolean emailRequestUpdates,
                          boolean emailReminders) {

    public static final Preferences ALL = new Preferences(true, true, true, true);

    /**
     * SMS about the holder's requests (submitted, status changes, questions from officers): what
     * {@code GetContact}'s and {@code ContactChanged}'s {@code sms_allowed} carry, since request updates
     * are the only category the platform sends today. Turning off reminders never lets request updates
     * through, and turning off request updates stops them even with reminders on. (Reminders get fields
     * of their own when something starts sending them.)
     */
    public boolean smsAllowed() {
        return smsRequestUpdates;
    }

    /** Email about the holder's requests; see {@link #smsAllowed()}. */
    public boolean emailAllowed() {
        return emailRequestUpdates;
    }
}
