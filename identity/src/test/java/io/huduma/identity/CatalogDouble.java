package io.huduma.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.huduma.contracts.catalog.v1.Agency;
import io.huduma.contracts.catalog.v1.AgencyStatus;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.contracts.catalog.v1.GetAgencyRequest;
import io.huduma.contracts.catalog.v1.GetAgencyResponse;

/** Stands in for service-catalog's GetAgency on the loopback test server: brela and rita active, others as a test sets them. */
final class CatalogDouble extends CatalogServiceGrpc.CatalogServiceImplBase {

    static final CatalogDouble INSTANCE = new CatalogDouble();

    private final Map<String, AgencyStatus> agencies = new ConcurrentHashMap<>(Map.of(
            "brela", AgencyStatus.AGENCY_STATUS_ACTIVE, "rita", AgencyStatus.AGENCY_STATUS_ACTIVE));

    void put(String code, AgencyStatus status) {
        agencies.put(code, status);
    }

    @Override
    public void getAgency(GetAgencyRequest request, StreamObserver<GetAgencyResponse> response) {
        AgencyStatus status = agencies.get(request.getCode());
        if (status == null) {
            response.onError(Status.NOT_FOUND.withDescription("no agency " + request.getCode()).asRuntimeException());
            return;
        }
        response.onNext(GetAgencyResponse.newBuilder().setAgency(Agency.newBuilder().setCode(request.getCode())
                .setStatus(status)).build());
        response.onCompleted();
    }
}
