package io.huduma.notifications.inbound;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.huduma.contracts.requests.v1.GetStatusByTrackingNumberRequest;
import io.huduma.contracts.requests.v1.GetStatusByTrackingNumberResponse;
import io.huduma.contracts.requests.v1.RequestsServiceGrpc;
import io.huduma.notifications.contact.ContactProperties;
import io.huduma.notifications.contact.ResilientGrpcClient;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * requests-service's {@code GetStatusByTrackingNumber} (channel {@code requests-service}), with the same
 * deadline, retries and circuit breaker as the calls to identity. NOT_FOUND (unknown number, or another
 * phone's request) and INVALID_ARGUMENT (not a tracking number) both mean "nothing to tell this phone".
 */
@Component
class RequestsClient implements TrackedRequests {

    private final RequestsServiceGrpc.RequestsServiceBlockingStub stub;
    private final ContactProperties properties;
    private final ResilientGrpcClient resilience;

    RequestsClient(GrpcChannelFactory channels, ContactProperties properties) {
        this.stub = RequestsServiceGrpc.newBlockingStub(channels.createChannel("requests-service"));
        this.properties = properties;
        this.resilience = new ResilientGrpcClient("requests-service", properties);
    }

    @Override
    public Optional<TrackedRequest> find(String trackingNumber, String phone) {
        return resilience.find(() -> {
            try {
                GetStatusByTrackingNumberResponse r = stub
                        .withDeadlineAfter(properties.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .getStatusByTrackingNumber(GetStatusByTrackingNumberRequest.newBuilder()
                                .setTrackingNumber(trackingNumber).setPhone(phone).build());
                return Optional.of(new TrackedRequest(r.getTrackingNumber(), r.getStatus(),
                        r.getServiceName().getSw(), r.getServiceName().getEn(), r.getAgencyCode(), r.getDueDate()));
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                    return Optional.<TrackedRequest>empty();
                }
                throw e;
            }
        }).flatMap(found -> found);
    }
}
