package io.huduma.notifications;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.huduma.contracts.common.v1.LocalizedText;
import io.huduma.contracts.requests.v1.GetStatusByTrackingNumberRequest;
import io.huduma.contracts.requests.v1.GetStatusByTrackingNumberResponse;
import io.huduma.contracts.requests.v1.RequestsServiceGrpc;

/**
 * A stand-in for requests-service's {@code GetStatusByTrackingNumber} on a loopback port, with its
 * contract: a request is described only to the phone it was made from, NOT_FOUND for an unknown number or
 * another phone (the same answer), INVALID_ARGUMENT for what is not a tracking number, UNAVAILABLE on demand.
 */
final class FakeRequests extends RequestsServiceGrpc.RequestsServiceImplBase {

    private record Made(String phone, GetStatusByTrackingNumberResponse status) {
    }

    private final Map<String, Made> requests = new ConcurrentHashMap<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final Server server;

    FakeRequests() {
        server = Loopback.serve(this);
    }

    int port() {
        return server.getPort();
    }

    int calls() {
        return calls.get();
    }

    /** A request made from {@code phone}. */
    void add(String trackingNumber, String phone, String status, String serviceSw, String serviceEn, String dueDate) {
        requests.put(compact(trackingNumber), new Made(phone, GetStatusByTrackingNumberResponse.newBuilder()
                .setTrackingNumber(trackingNumber).setStatus(status)
                .setServiceName(LocalizedText.newBuilder().setSw(serviceSw).setEn(serviceEn))
                .setAgencyCode("brela").setDueDate(dueDate).build()));
    }

    /** As requests-service reads a tracking number: case, spaces, dashes and the prefix forgiven. */
    private static String compact(String trackingNumber) {
        String upper = trackingNumber.toUpperCase().replaceAll("[\\s-]", "");
        return upper.length() == 10 && upper.startsWith("HD") ? upper.substring(2) : upper;
    }

    /** The next {@code count} calls answer UNAVAILABLE. */
    void failNext(int count) {
        failNext.set(count);
    }

    @Override
    public void getStatusByTrackingNumber(GetStatusByTrackingNumberRequest request,
                                          StreamObserver<GetStatusByTrackingNumberResponse> response) {
        calls.incrementAndGet();
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            response.onError(Status.UNAVAILABLE.withDescription("simulated outage").asRuntimeException());
            return;
        }
        String number = compact(request.getTrackingNumber());
        if (!number.matches("[2-9A-Z]{8}")) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("not a valid tracking number").asRuntimeException());
            return;
        }
        Made made = requests.get(number);
        if (made == null || !made.phone().equals(request.getPhone())) {
            response.onError(Status.NOT_FOUND.withDescription("No request " + number).asRuntimeException());
            return;
        }
        response.onNext(made.status());
        response.onCompleted();
    }
}
