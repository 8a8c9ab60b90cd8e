package io.huduma.notifications;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.huduma.contracts.catalog.v1.Agency;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.contracts.catalog.v1.GetAgencyRequest;
import io.huduma.contracts.catalog.v1.GetAgencyResponse;
import io.huduma.contracts.common.v1.LocalizedText;

/** A stand-in for service-catalog's {@code GetAgency} on a loopback port: agencies the tests register. */
final class FakeCatalog extends CatalogServiceGrpc.CatalogServiceImplBase {

    private final Map<String, Agency> agencies = new ConcurrentHashMap<>();
    private final Server server;

    FakeCatalog() {
        server = Loopback.serve(this);
    }

    int port() {
        return server.getPort();
    }

    void add(String code, String nameSw, String nameEn, String email) {
        agencies.put(code, Agency.newBuilder().setCode(code)
                .setName(LocalizedText.newBuilder().setSw(nameSw).setEn(nameEn)).setContactEmail(email).build());
    }

    @Override
    public void getAgency(GetAgencyRequest request, StreamObserver<GetAgencyResponse> response) {
        Agency agency = agencies.get(request.getCode());
        if (agency == null) {
            response.onError(Status.NOT_FOUND.withDescription("no agency " + request.getCode()).asRuntimeException());
            return;
        }
        response.onNext(GetAgencyResponse.newBuilder().setAgency(agency).build());
        response.onCompleted();
    }
}
