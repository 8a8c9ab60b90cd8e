package io.huduma.identity.account;

import java.util.List;

/** Facts about accounts, published through the outbox in the caller's transaction. */
public interface AccountEvents {

    /** How to reach an account holder and what they agreed to. */
    record Contact(String subject, String displayName, String phone, String email, String language,
                   boolean smsAllowed, boolean emailAllowed) {
    }

    void citizenRegistered(Contact contact);

    /** A citizen registered from a phone channel (USSD): no password yet, the welcome tells how to set one. */
    void citizenRegisteredWithoutPassword(Contact contact);

    void contactChanged(Contact contact);

    void staffAccountCreated(String subject, String agency, List<String> roles, String email);
}
