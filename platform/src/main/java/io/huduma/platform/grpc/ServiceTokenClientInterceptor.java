package io.huduma.platform.grpc;

import org.springframework.core.Ordered;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

/**
 * Puts {@code Authorization: Bearer <the service's client-credentials token>} on every outgoing
 * call. When no token can be had the call fails with UNAVAILABLE (retryable) instead of going
 * out unauthenticated.
 */
final class ServiceTokenClientInterceptor implements ClientInterceptor, Ordered {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final ServiceTokens tokens;

    ServiceTokenClientInterceptor(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        String token;
        try {
            token = tokens.accessToken();
        } catch (RuntimeException e) {
            return new FailedCall<>(Status.UNAVAILABLE
                    .withDescription("No service token for " + tokens.clientId() + ": " + e.getMessage())
                    .withCause(e));
        }
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                headers.put(AUTHORIZATION, "Bearer " + token);
                super.start(listener, headers);
            }
        };
    }

    /** A call that ends with {@code status} as soon as it starts, without touching the network. */
    private static final class FailedCall<Q, R> extends ClientCall<Q, R> {

        private final Status status;

        FailedCall(Status status) {
            this.status = status;
        }

        @Override
        public void start(Listener<R> listener, Metadata headers) {
            listener.onClose(status, new Metadata());
        }

        @Override
        public void request(int numMessages) {
        }

        @Override
        public void cancel(String message, Throwable cause) {
        }

        @Override
        public void halfClose() {
        }

        @Override
        public void sendMessage(Q message) {
        }
    }
}
