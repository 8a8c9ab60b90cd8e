package io.huduma.ussd.menu;

import java.util.Optional;

import io.huduma.platform.language.Language;

/** What the menu needs from identity: the account behind a phone, and registering one. */
public interface Citizens {

    /** The citizen whose verified phone is {@code e164}, if any. */
    Optional<Citizen> byPhone(String e164);

    /** Registers a citizen for a phone the operator vouched for; answers the existing one on a retry. */
    Citizen register(String e164, String fullName, Language language);

    /** A citizen as the menu knows them. */
    record Citizen(String subject, String name, Language language) {
    }
}
