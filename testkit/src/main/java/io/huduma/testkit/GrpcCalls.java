package io.huduma.testkit;

import java.time.Duration;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;

/** gRPC calls in tests as a platform service makes them: a deadline, and a bearer token unless none is wanted. */
public final class GrpcCalls {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private GrpcCalls() {
    }

    /** {@code stub} with the deadline and, when {@code token} is not null, {@code authorization: Bearer <token>}. */
    public static <S extends AbstractStub<S>> S withToken(S stub, String token, Duration deadline) {
        S timed = stub.withDeadlineAfter(deadline);
        if (token == null) {
            return timed;
        }
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        return timed.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** The status code the call failed with; an {@link AssertionError} when it succeeded. */
    public static Status.Code statusOf(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
        throw new AssertionError("the call succeeded; a failure status was expected");
    }
}
