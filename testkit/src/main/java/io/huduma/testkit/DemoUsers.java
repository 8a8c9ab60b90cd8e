package io.huduma.testkit;

/**
 * The demo accounts of the dev/test realm overlay ({@code devstack/src/main/resources/keycloak}); all of
 * the {@code huduma} realm share {@link #PASSWORD}.
 */
public final class DemoUsers {

    /** Password of every demo user of the {@code huduma} realm. */
    public static final String PASSWORD = "Huduma#2026";

    /** Citizen (role {@code citizen}). */
    public static final String CITIZEN_AMINA = "citizen.amina";
    /** A second citizen, for "not your request" tests. */
    public static final String CITIZEN_JUMA = "citizen.juma";
    /** Role {@code agency-officer}, agency {@code brela}. */
    public static final String OFFICER_BRELA = "officer.brela";
    /** Role {@code agency-admin}, agency {@code brela}. */
    public static final String ADMIN_BRELA = "admin.brela";
    /** Role {@code agency-officer}, agency {@code rita}. */
    public static final String OFFICER_RITA = "officer.rita";
    /** Role {@code agency-admin}, agency {@code rita}. */
    public static final String ADMIN_RITA = "admin.rita";
    /** Role {@code platform-admin}. */
    public static final String PLATFORM_ADMIN = "admin.platform";

    /** Agency codes the demo staff carry in claim {@code agency}. */
    public static final String AGENCY_BRELA = "brela";
    public static final String AGENCY_RITA = "rita";

    /** The one user of realm {@code elsewhere} (password {@code stranger}), for wrong-issuer tests. */
    public static final String STRANGER = "stranger";

    /** Public client with password grant whose tokens carry audience {@code huduma-api}. */
    public static final String CLI_CLIENT = "huduma-cli";
    /** Public client with password grant whose tokens lack audience {@code huduma-api}. */
    public static final String NO_AUDIENCE_CLIENT = "huduma-noaud";
    /** Public client with password grant whose access tokens live 2 seconds. */
    public static final String SHORT_LIVED_CLIENT = "huduma-short";

    private DemoUsers() {
    }
}
