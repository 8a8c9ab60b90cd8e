package io.huduma.platform.grpc;

import org.springframework.core.Ordered;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.huduma.platform.correlation.Correlation;

/**
 * Takes the caller's correlation id from the {@code x-correlation-id} metadata (or makes one),
 * holds it in the MDC around every callback of the call (gRPC may run each on another thread)
 * and echoes it in the response headers.
 */
final class CorrelationServerInterceptor implements ServerInterceptor, Ordered {

    static final Metadata.Key<String> KEY = Metadata.Key.of(Correlation.GRPC_KEY, Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public int getOrder() {
        // just inside spring-grpc's exception handler (HIGHEST_PRECEDENCE), before authentication
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String id = Correlation.sanitize(headers.get(KEY));
        ServerCall<Q, R> echoing = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            private boolean headersSent;

            @Override
            public void sendHeaders(Metadata responseHeaders) {
                headersSent = true;
                responseHeaders.put(KEY, id);
                super.sendHeaders(responseHeaders);
            }

            @Override
            public void close(Status status, Metadata trailers) {
                // an error without a response message goes out as trailers only
                if (!headersSent && !trailers.containsKey(KEY)) {
                    trailers.put(KEY, id);
                }
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> listener;
        try (Correlation.Scope scope = Correlation.open(id)) {
            listener = next.startCall(echoing, headers);
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                try (Correlation.Scope scope = Correlation.open(id)) {
                    super.onMessage(message);
                }
            }

            @Override
            public void onHalfClose() {
                try (Correlation.Scope scope = Correlation.open(id)) {
                    super.onHalfClose();
                }
            }

            @Override
            public void onCancel() {
                try (Correlation.Scope scope = Correlation.open(id)) {
                    super.onCancel();
                }
            }

            @Override
            public void onComplete() {
                try (Correlation.Scope scope = Correlation.open(id)) {
                    super.onComplete();
                }
            }

            @Override
            public void onReady() {
                try (Correlation.Scope scope = Correlation.open(id)) {
                    super.onReady();
                }
            }
        };
    }
}
