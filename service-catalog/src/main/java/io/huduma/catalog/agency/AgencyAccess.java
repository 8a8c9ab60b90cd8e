package io.huduma.catalog.agency;

import io.huduma.platform.problem.ApiProblem;
import io.huduma.platform.security.Caller;

/**
 * Ownership rules the URL rules cannot state: agency staff act only on their own agency's
 * entries, whatever agency the path names; the agency comes from the token, never from a body.
 */
public final class AgencyAccess {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String AGENCY_ADMIN = "agency-admin";
    public static final String AGENCY_OFFICER = "agency-officer";

    private AgencyAccess() {
    }

    /** Changing an agency's services or APIs: only that agency's administrators. */
    public static void requireAdminOf(Caller caller, String agencyCode) {
        if (!caller.hasRole(AGENCY_ADMIN) || !agencyCode.equals(caller.agency())) {
            throw ApiProblem.forbidden("Only an administrator of agency '" + agencyCode + "' may change its catalogue entries");
        }
    }

    /** Reading an agency's drafts and APIs: its officers and administrators, and platform administrators. */
    public static void requireStaffOf(Caller caller, String agencyCode) {
        if (caller.hasRole(PLATFORM_ADMIN)) {
            return;
        }
        boolean staff = caller.hasRole(AGENCY_ADMIN) || caller.hasRole(AGENCY_OFFICER);
        if (!staff || !agencyCode.equals(caller.agency())) {
            throw ApiProblem.forbidden("Only staff of agency '" + agencyCode + "' may see its unpublished entries");
        }
    }
}
