package io.huduma.identity.account;

import java.util.Optional;

/** The accounts held by the identity provider (Keycloak): the credentials and roles side of a person. */
public interface Accounts {

    /** The subject of the account whose user name is this E.164 number, if any. */
    Optional<String> subjectByPhone(String e164);

    /**
     * Creates a citizen's account (user name = phone, role citizen, attributes phone and language)
     * with an already hashed password. Creating it again for the same sign-up returns the same subject.
     *
     * @throws io.huduma.platform.domain.DomainException conflict when the number has an account of someone else
     */
    String createCitizen(NewCitizen citizen);

    /** An account by subject. */
    Optional<Account> find(String subject);

    /** Writes name, email, phone (also the user name) and language to the account. */
    void updateContact(String subject, String displayName, String email, String phone, String language);

    /**
     * Sets a new password (the realm's password policy applies).
     *
     * @throws io.huduma.platform.domain.DomainException invalid at {@code /newPassword} when the policy refuses it
     */
    void resetPassword(String subject, String newPassword);

    /** A new citizen: {@code signUp} identifies the sign-up, so a retried creation finds its own account. */
    record NewCitizen(String signUp, String phone, String fullName, String email, String language, HashedPassword password) {
    }

    /** An account as the identity provider holds it. */
    record Account(String subject, String username, String displayName, String email, String phone, String language,
                   String agency, boolean enabled) {
    }
}
