package io.huduma.catalog.agency;

import io.huduma.platform.domain.DomainException;
import io.huduma.platform.security.Caller;
import io.huduma.platform.security.Roles;

/**
 * Ownership rules the URL rules cannot state: agency staff act only on their own agency's
 * entries, whatever agency the path names; the agency comes from the token, never from a body.
 */
public final class AgencyAccess {

    private AgencyAccess() {
    }

    /** Changing an agency's services or APIs: only that agency's administrators. */
    public static void requireAdminOf(Caller caller, String agencyCode) {
        if (!caller.hasRole(Roles.AGENCY_ADMIN) || !agencyCode.equals(caller.agency())) {
            throw DomainException.notAllowed("Only an administrator of agency '" + agencyCode + "' may change its catalogue entries");
        }
    }

    /** Reading an agency's drafts and APIs: its officers and administrators, and platform administrators. */
    public static void requireStaffOf(Caller caller, String agencyCode) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            return;
        }
        boolean staff = caller.hasRole(Roles.AGENCY_ADMIN) || caller.hasRole(Roles.AGENCY_OFFICER);
        if (!staff || !agencyCode.equals(caller.agency())) {
            throw DomainException.notAllowed("Only staff of agency '" + agencyCode + "' may see its unpublished entries");
        }
    }
}
