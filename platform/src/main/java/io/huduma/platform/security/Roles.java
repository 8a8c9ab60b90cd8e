package io.huduma.platform.security;

/**
 * The realm roles of the {@code huduma} Keycloak realm, written once: path rules
 * ({@code hasRole(Roles.AGENCY_ADMIN)}), ownership checks ({@code caller.hasRole(...)}) and tests
 * all name these constants.
 */
public final class Roles {

    /** A person who applies for services. */
    public static final String CITIZEN = "citizen";
    /** Agency staff who process applications for their agency (token claim {@code agency}). */
    public static final String AGENCY_OFFICER = "agency-officer";
    /** Agency staff who run their agency's catalogue entries, staff and system clients. */
    public static final String AGENCY_ADMIN = "agency-admin";
    /** Operators of the platform: agencies, agency administrators, templates. */
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** A service's own client-credentials account: never a person. */
    public static final String INTERNAL_SERVICE = "internal-service";

    /** Every role a person (not a service account) may hold. */
    public static final String[] PEOPLE = {CITIZEN, AGENCY_OFFICER, AGENCY_ADMIN, PLATFORM_ADMIN};
    /** Agency staff and platform administrators. */
    public static final String[] STAFF = {AGENCY_OFFICER, AGENCY_ADMIN, PLATFORM_ADMIN};

    private Roles() {
    }
}
