package io.huduma.gateway.agency;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.huduma.contracts.catalog.v1.AccessPolicy;
import io.huduma.contracts.catalog.v1.AgencyApiStatus;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.contracts.catalog.v1.ListAgencyApisRequest;
import org.springframework.grpc.client.GrpcChannelFactory;

/** service-catalog's {@code ListAgencyApis} over gRPC, mapped into the gateway's own {@link AgencyApi}. */
class AgencyApiCatalogClient {

    private final CatalogServiceGrpc.CatalogServiceBlockingStub stub;

    AgencyApiCatalogClient(GrpcChannelFactory channels) {
        this.stub = CatalogServiceGrpc.newBlockingStub(channels.createChannel("service-catalog"));
    }

    List<AgencyApi> all() {
        return stub.withDeadlineAfter(10, TimeUnit.SECONDS).listAgencyApis(ListAgencyApisRequest.getDefaultInstance())
                .getApisList().stream().map(AgencyApiCatalogClient::toApi).toList();
    }

    static AgencyApi toApi(io.huduma.contracts.catalog.v1.AgencyApi api) {
        return new AgencyApi(api.getAgencyCode(), api.getName(), api.getUpstream(), access(api.getAccessPolicy()),
                api.getRequiredScopesList(), api.getRateLimitPerMinute(), api.getTimeoutMillis(),
                api.getStatus() != AgencyApiStatus.AGENCY_API_STATUS_ACTIVE);
    }

    /** An unknown policy is the strictest one: client scopes (and an API without scopes then admits nobody). */
    private static AgencyApi.Access access(AccessPolicy policy) {
        return switch (policy) {
            case ACCESS_POLICY_PUBLIC -> AgencyApi.Access.PUBLIC;
            case ACCESS_POLICY_CITIZEN -> AgencyApi.Access.CITIZEN;
            case ACCESS_POLICY_AGENCY_STAFF -> AgencyApi.Access.AGENCY_STAFF;
            default -> AgencyApi.Access.CLIENT_SCOPES;
        };
    }

    /** The start-up snapshot is older than any event: an event replayed afterwards always wins. */
    static Instant snapshotTime() {
        return Instant.EPOCH;
    }
}
