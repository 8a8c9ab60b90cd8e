package io.huduma.notifications.contact;

import java.util.Optional;

/** Where agencies' mailboxes come from (service-catalog). */
public interface Agencies {

    /**
     * The agency with this code; empty when there is none.
     *
     * @throws RecipientsUnavailable when the catalogue cannot answer now
     */
    Optional<AgencyMailbox> find(String code);
}
