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

    public io.huduma.contracts.catalog.v1.AgencyApi toProto() {
        return io.huduma.contracts.catalog.v1.AgencyApi.newBuilder()
                .setId(id.toString())
                .setAgencyCode(agencyCode)
                .setName(name)
                .setUpstream(upstream)
                .setAccessPolicy(switch (accessPolicy) {
                    case PUBLIC -> io.huduma.contracts.catalog.v1.AccessPolicy.ACCESS_POLICY_PUBLIC;
                    case CITIZEN -> io.huduma.contracts.catalog.v1.AccessPolicy.ACCESS_POLICY_CITIZEN;
                    case AGENCY_STAFF -> io.huduma.contracts.catalog.v1.AccessPolicy.ACCESS_POLICY_AGENCY_STAFF;
                    case CLIENT_SCOPES -> io.huduma.contracts.catalog.v1.AccessPolicy.ACCESS_POLICY_CLIENT_SCOPES;
                })
                .addAllRequiredScopes(requiredScopes)
                .setRateLimitPerMinute(rateLimitPerMinute)
                .setTimeoutMillis(timeoutMillis)
                .setStatus(status == Status.ACTIVE
                        ? io.huduma.contracts.catalog.v1.AgencyApiStatus.AGENCY_API_STATUS_ACTIVE
                        : io.huduma.contracts.catalog.v1.AgencyApiStatus.AGENCY_API_STATUS_SUSPENDED)
                .setPublicPath(publicPath())
                .build();
    }
}
