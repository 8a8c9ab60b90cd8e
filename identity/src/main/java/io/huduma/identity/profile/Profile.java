package io.huduma.identity.profile;

import io.huduma.identity.account.AccountEvents;

/** How to reach an account holder: name, phone (E.164), email, language ({@code sw}/{@code en}) and preferences. */
public record Profile(String subject, String displayName, String phone, String email, String language,
                      Preferences preferences, int version) {

    public AccountEvents.Contact contact() {
        return new AccountEvents.Contact(subject, displayName, phone, email, language,
                preferences.smsAllowed() && phone != null, preferences.emailAllowed() && email != null);
    }

    Profile withVersion(int newVersion) {
        return new Profile(subject, displayName, phone, email, language, preferences, newVersion);
    }
}
