package io.huduma.identity.staff;

import java.time.Duration;
import java.util.Optional;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.huduma.contracts.catalog.v1.AgencyStatus;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.contracts.catalog.v1.GetAgencyRequest;
import io.huduma.platform.domain.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/** service-catalog's {@code GetAgency} (channel {@code service-catalog}). */
@Component
class CatalogClient implements AgencyCatalog {

    private final CatalogServiceGrpc.CatalogServiceBlockingStub stub;
    private final Duration deadline;

    CatalogClient(GrpcChannelFactory channels, @Value("${huduma.identity.catalog-deadline:10s}") Duration deadline) {
        this.stub = CatalogServiceGrpc.newBlockingStub(channels.createChannel("service-catalog"));
        this.deadline = deadline;
    }

    @Override
    public Optional<AgencyState> state(String code) {
        try {
            AgencyStatus status = stub.withDeadlineAfter(deadline)
                    .getAgency(GetAgencyRequest.newBuilder().setCode(code).build()).getAgency().getStatus();
            return Optional.of(status == AgencyStatus.AGENCY_STATUS_ACTIVE ? AgencyState.ACTIVE : AgencyState.SUSPENDED);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw DomainException.unavailable("The agency catalogue cannot be reached just now; please try again");
        }
    }
}
