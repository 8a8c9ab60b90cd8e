package io.huduma.platform.grpc;

import io.grpc.Status;
import io.grpc.StatusException;
import io.huduma.platform.domain.DomainException;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/**
 * A gRPC method's domain refusal becomes the matching status, never {@code UNKNOWN}: not found
 * {@code NOT_FOUND}, conflict {@code FAILED_PRECONDITION}, not allowed {@code PERMISSION_DENIED},
 * invalid and unprocessable {@code INVALID_ARGUMENT} (the field errors in the description), stale
 * {@code ABORTED}, too many {@code RESOURCE_EXHAUSTED}, unavailable {@code UNAVAILABLE}.
 */
public class DomainExceptionGrpcHandler implements GrpcExceptionHandler {

    @Override
    public StatusException handleException(Throwable exception) {
        if (!(exception instanceof DomainException refusal)) {
            return null;
        }
        Status status = switch (refusal.kind()) {
            case NOT_FOUND -> Status.NOT_FOUND;
            case CONFLICT -> Status.FAILED_PRECONDITION;
            case NOT_ALLOWED -> Status.PERMISSION_DENIED;
            case INVALID, UNPROCESSABLE -> Status.INVALID_ARGUMENT;
            case STALE -> Status.ABORTED;
            case TOO_MANY -> Status.RESOURCE_EXHAUSTED;
            case UNAVAILABLE -> Status.UNAVAILABLE;
        };
        StringBuilder description = new StringBuilder(String.valueOf(refusal.getMessage()));
        refusal.errors().forEach(error -> description.append("; ").append(error.field()).append(": ").append(error.message()));
        return status.withDescription(description.toString()).asException();
    }
}
