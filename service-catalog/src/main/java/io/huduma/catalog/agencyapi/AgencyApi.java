package io.huduma.catalog.agencyapi;

import java.util.List;
import java.util.UUID;

/** An agency's own API, published on the gateway at {@code /agencies/{agency}/{name}/**}. */
public record AgencyApi(UUID id, String agencyCode, String name, String upstream, AccessPolicy accessPolicy,
                        List<String> requiredScopes, int rateLimitPerMinute, int timeoutMillis, Status status) {

    /** Who may call the API through the gateway. */
    public enum AccessPolicy { PUBLIC, CITIZEN, AGENCY_STAFF, CLIENT_SCOPES }

    /** A suspended API stays registered but the gateway refuses calls to it. */
    public enum Status { ACTIVE, SUSPENDED }

    public String publicPath() {
        return "/agencies/" + agencyCode + "/" + name;
    }
}
