package io.huduma.ussd.grpc;

import java.util.Optional;
import java.util.function.Supplier;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.huduma.ussd.menu.RemoteFailure;

/** How a failed gRPC call reaches the menu: NOT_FOUND as empty, a refusal of the input or an outage as {@link RemoteFailure}. */
final class RemoteCalls {

    private RemoteCalls() {
    }

    static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw failure(service, e);
        }
    }

    static <T> Optional<T> find(String service, Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw failure(service, e);
        }
    }

    private static RemoteFailure failure(String service, StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        boolean refused = code == Status.Code.INVALID_ARGUMENT || code == Status.Code.FAILED_PRECONDITION
                || code == Status.Code.ALREADY_EXISTS || code == Status.Code.NOT_FOUND;
        String description = e.getStatus().getDescription();
        return new RemoteFailure(refused && description != null ? description : service + " answered " + code, refused, e);
    }
}
