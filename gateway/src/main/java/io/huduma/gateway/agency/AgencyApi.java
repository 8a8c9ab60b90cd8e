package io.huduma.gateway.agency;

import java.util.List;

/** An agency's API as the gateway serves it at {@code /agencies/{agency}/{name}/**}. */
record AgencyApi(String agency, String name, String upstream, Access access, List<String> requiredScopes,
                 int ratePerMinute, int timeoutMillis, boolean suspended) {

    /** Who may call it. */
    enum Access { PUBLIC, CITIZEN, AGENCY_STAFF, CLIENT_SCOPES }

    AgencyApi {
        requiredScopes = List.copyOf(requiredScopes);
    }

    String key() {
        return key(agency, name);
    }

    static String key(String agency, String name) {
        return agency + "/" + name;
    }

    boolean isDiscovered() {
        return upstream.startsWith("lb://");
    }
}
