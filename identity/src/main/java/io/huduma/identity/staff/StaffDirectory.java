package io.huduma.identity.staff;

import java.util.List;
import java.util.Optional;

/** Agency staff accounts at the identity provider. */
interface StaffDirectory {

    /** A staff account: its roles are the staff roles it holds. */
    record StaffMember(String subject, String username, String email, String fullName, List<String> roles,
                       String agency, boolean enabled) {
    }

    /** A new staff account and its one-time temporary password (to be changed at first sign-in). */
    record Created(StaffMember member, String temporaryPassword) {
    }

    /**
     * Creates the account (user name = email, attribute {@code agency}, the role, a temporary password;
     * administrators must also set up a one-time-password authenticator at first sign-in).
     *
     * @throws io.huduma.platform.domain.DomainException conflict when the email already has an account
     */
    Created create(String agency, String email, String fullName, String role);

    List<StaffMember> list(String agency);

    Optional<StaffMember> find(String agency, String subject);

    /** Enables or disables; {@code bySuspension} marks accounts disabled because their agency was suspended. */
    void setEnabled(String subject, boolean enabled, boolean bySuspension);

    /** Staff disabled because the agency was suspended (to re-enable on reinstatement). */
    List<StaffMember> disabledBySuspension(String agency);
}
