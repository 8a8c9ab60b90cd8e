package io.huduma.ussd.grpc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.huduma.contracts.common.v1.Channel;
import io.huduma.contracts.common.v1.LocalizedText;
import io.huduma.contracts.requests.v1.GetStatusByTrackingNumberRequest;
import io.huduma.contracts.requests.v1.ListRecentRequestsRequest;
import io.huduma.contracts.requests.v1.RequestsServiceGrpc;
import io.huduma.contracts.requests.v1.SubmitRequestRequest;
import io.huduma.contracts.requests.v1.SubmitRequestResponse;
import io.huduma.ussd.menu.Bilingual;
import io.huduma.ussd.menu.Requests;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/** requests-service's {@code SubmitRequest}, {@code GetStatusByTrackingNumber} and {@code ListRecentRequests}. */
@Component
class RequestsClient implements Requests {

    private static final String SERVICE = "requests-service";

    private final RequestsServiceGrpc.RequestsServiceBlockingStub stub;
    private final RemoteProperties properties;

    RequestsClient(GrpcChannelFactory channels, RemoteProperties properties) {
        this.stub = RequestsServiceGrpc.newBlockingStub(channels.createChannel(SERVICE));
        this.properties = properties;
    }

    @Override
    public Receipt submit(Submission s) {
        SubmitRequestResponse r = RemoteCalls.call(SERVICE, () -> stub().submitRequest(SubmitRequestRequest.newBuilder()
                .setCitizenSubject(s.citizenSubject()).setIdempotencyKey(s.idempotencyKey()).setServiceId(s.serviceId())
                .setAnswersJson(s.answersJson()).setChannel(Channel.CHANNEL_USSD).setPhone(s.phone()).build()));
        return new Receipt(r.getTrackingNumber(), text(r.getServiceName()), r.getDueDate());
    }

    @Override
    public Optional<Status> status(String trackingNumber, String phone) {
        try {
            return RemoteCalls.find(SERVICE, () -> stub().getStatusByTrackingNumber(GetStatusByTrackingNumberRequest.newBuilder()
                            .setTrackingNumber(trackingNumber).setPhone(phone).build()))
                    .map(r -> new Status(r.getTrackingNumber(), r.getStatus(), text(r.getServiceName()), r.getDueDate(),
                            r.getVisibleNote(), null));
        } catch (io.huduma.ussd.menu.RemoteFailure e) {
            if (e.refused()) {
                // a mistyped number is, for the caller, a number that was not found
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<Status> recent(String citizenSubject, int limit) {
        return RemoteCalls.call(SERVICE, () -> stub().listRecentRequests(ListRecentRequestsRequest.newBuilder()
                        .setCitizenSubject(citizenSubject).setLimit(limit).build()).getRequestsList().stream()
                .map(r -> new Status(r.getTrackingNumber(), r.getStatus(), text(r.getServiceName()), r.getDueDate(), "",
                        Instant.ofEpochSecond(r.getSubmittedAt().getSeconds())))
                .toList());
    }

    private RequestsServiceGrpc.RequestsServiceBlockingStub stub() {
        return stub.withDeadlineAfter(properties.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Bilingual text(LocalizedText text) {
        return new Bilingual(text.getSw(), text.getEn());
    }
}
