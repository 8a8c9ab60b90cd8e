package io.huduma.identity.account;

import java.util.Set;

/** The realm roles identity deals with, named once. */
public final class Roles {

    public static final String CITIZEN = "citizen";
    public static final String AGENCY_OFFICER = "agency-officer";
    public static final String AGENCY_ADMIN = "agency-admin";
    public static final String PLATFORM_ADMIN = "platform-admin";

    /** Roles of people; a service account holds none of them (only {@code internal-service}). */
    public static final Set<String> PEOPLE = Set.of(CITIZEN, AGENCY_OFFICER, AGENCY_ADMIN, PLATFORM_ADMIN);
    /** Roles an agency's staff may hold. */
    public static final Set<String> STAFF = Set.of(AGENCY_OFFICER, AGENCY_ADMIN);

    private Roles() {
    }
}
