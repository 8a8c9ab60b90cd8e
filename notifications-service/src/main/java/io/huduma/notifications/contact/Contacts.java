package io.huduma.notifications.contact;

import java.util.Optional;

/** Where recipients' contact details come from (identity). */
public interface Contacts {

    /**
     * The contact of an account holder; empty when there is no such account.
     *
     * @throws RecipientsUnavailable when identity cannot answer now (the caller retries later)
     */
    Optional<Contact> find(String subject);
}
