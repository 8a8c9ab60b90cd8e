package io.huduma.platform.grpc;

import org.springframework.core.Ordered;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.huduma.platform.correlation.Correlation;

/** Sends the current correlation id (or a new one) as {@code x-correlation-id} metadata. */
final class CorrelationClientInterceptor implements ClientInterceptor, Ordered {

    @Override
    public int getOrder() {
        return 10;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        // read on the caller's thread, where the MDC holds the id of the work in hand
        String id = Correlation.currentOrNew();
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                headers.put(CorrelationServerInterceptor.KEY, id);
                super.start(listener, headers);
            }
        };
    }
}
