package io.huduma.notifications.otp;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.notifications.v1.NotificationsServiceGrpc;
import io.huduma.contracts.notifications.v1.SendOtpRequest;
import io.huduma.contracts.notifications.v1.SendOtpResponse;
import io.huduma.platform.domain.DomainException;
import org.springframework.stereotype.Service;

/**
 * {@code SendOtp} for identity: the platform's interceptors let through only a valid service token of
 * a client named in {@code huduma.grpc.allowed-callers} (svc-identity). The request is never logged:
 * it holds the code.
 */
@Service
class NotificationsGrpcService extends NotificationsServiceGrpc.NotificationsServiceImplBase {

    private final SendingCodes codes;

    NotificationsGrpcService(SendingCodes codes) {
        this.codes = codes;
    }

    @Override
    public void sendOtp(SendOtpRequest request, StreamObserver<SendOtpResponse> response) {
        try {
            String id = codes.send(new SendingCodes.CodeRequest(request.getDestination(), request.getCode(),
                    request.getPurpose(), request.getLanguage() == Language.LANGUAGE_EN ? "en" : "sw",
                    request.getValidMinutes(), request.getByEmail())).toString();
            response.onNext(SendOtpResponse.newBuilder().setDeliveryId(id).build());
            response.onCompleted();
        } catch (DomainException e) {
            Status status = switch (e.kind()) {
                case INVALID, UNPROCESSABLE -> Status.INVALID_ARGUMENT;
                case UNAVAILABLE -> Status.UNAVAILABLE;
                case CONFLICT -> Status.ALREADY_EXISTS;
                default -> Status.FAILED_PRECONDITION;
            };
            String detail = e.errors().isEmpty() ? e.getMessage()
                    : e.errors().get(0).field() + " " + e.errors().get(0).message();
            response.onError(status.withDescription(detail).asRuntimeException());
        }
    }
}
