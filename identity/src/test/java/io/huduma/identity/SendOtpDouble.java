package io.huduma.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.huduma.contracts.notifications.v1.NotificationsServiceGrpc;
import io.huduma.contracts.notifications.v1.SendOtpRequest;
import io.huduma.contracts.notifications.v1.SendOtpResponse;

/**
 * Stands in for notifications-service's {@code SendOtp} (written in parallel) on a loopback port
 * (which also serves {@link CatalogDouble}):
 * records every request (and whether it carried a bearer token) and can refuse a number.
 */
final class SendOtpDouble extends NotificationsServiceGrpc.NotificationsServiceImplBase {

    static final SendOtpDouble INSTANCE = new SendOtpDouble();

    /** One request as received. */
    record Received(SendOtpRequest request, boolean hadBearerToken) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Server server;
    private static final ThreadLocal<Boolean> BEARER = ThreadLocal.withInitial(() -> false);

    private SendOtpDouble() {
        ServerInterceptor bearer = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                String authorization = headers.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER));
                boolean hasToken = authorization != null && authorization.startsWith("Bearer ");
                ServerCall.Listener<Q> delegate = next.startCall(call, headers);
                return new io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
                    @Override
                    public void onHalfClose() {
                        BEARER.set(hasToken);
                        try {
                            super.onHalfClose();
                        } finally {
                            BEARER.remove();
                        }
                    }
                };
            }
        };
        try {
            server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                    .addService(ServerInterceptors.intercept(this, bearer))
                    .addService(CatalogDouble.INSTANCE).build().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void sendOtp(SendOtpRequest request, StreamObserver<SendOtpResponse> response) {
        if (refused.contains(request.getDestination())) {
            response.onError(Status.UNAVAILABLE.withDescription("SMS provider down (test)").asRuntimeException());
            return;
        }
        received.add(new Received(request, BEARER.get()));
        response.onNext(SendOtpResponse.newBuilder().setDeliveryId(java.util.UUID.randomUUID().toString()).build());
        response.onCompleted();
    }

    /** Makes every SendOtp to {@code phone} fail with UNAVAILABLE. */
    void refuse(String phone) {
        refused.add(phone);
    }

    List<Received> to(String phone) {
        List<Received> found = new ArrayList<>();
        for (Received r : received) {
            if (r.request().getDestination().equals(phone)) {
                found.add(r);
            }
        }
        return found;
    }

    /** The last code sent to {@code phone}, waiting briefly for it. */
    String lastCodeTo(String phone) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> found = to(phone);
            if (!found.isEmpty()) {
                return found.get(found.size() - 1).request().getCode();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no code was sent to " + phone);
    }

    /** Every code sent so far, to anyone. */
    List<String> allCodes() {
        return received.stream().map(r -> r.request().getCode()).toList();
    }
}
