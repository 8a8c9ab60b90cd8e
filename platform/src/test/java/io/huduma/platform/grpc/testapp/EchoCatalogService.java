package io.huduma.platform.grpc.testapp;

import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Service;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.stub.StreamObserver;
import io.huduma.contracts.catalog.v1.Agency;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.contracts.catalog.v1.GetAgencyRequest;
import io.huduma.contracts.catalog.v1.GetAgencyResponse;
import io.huduma.contracts.common.v1.LocalizedText;
import io.huduma.platform.correlation.Correlation;
import io.huduma.platform.grpc.GrpcCaller;

/**
 * Answers GetAgency with what the handler saw of the call, so tests can assert it: the caller's
 * client id (website), the correlation id in the MDC (contact_email) and the call's deadline (name.sw).
 */
@Service
public class EchoCatalogService extends CatalogServiceGrpc.CatalogServiceImplBase {

    @Override
    public void getAgency(GetAgencyRequest request, StreamObserver<GetAgencyResponse> response) {
        Deadline deadline = Context.current().getDeadline();
        Agency agency = Agency.newBuilder()
                .setCode(request.getCode())
                .setWebsite(GrpcCaller.current().map(GrpcCaller::clientId).orElse("anonymous"))
                .setContactEmail(String.valueOf(Correlation.current()))
                .setName(LocalizedText.newBuilder()
                        .setSw(deadline == null ? "none" : String.valueOf(deadline.timeRemaining(TimeUnit.MILLISECONDS))))
                .build();
        response.onNext(GetAgencyResponse.newBuilder().setAgency(agency).build());
        response.onCompleted();
    }
}
