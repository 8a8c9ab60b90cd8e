package io.huduma.notifications.otp;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.notifications.v1.NotificationsServiceGrpc;
import io.huduma.contracts.notifications.v1.SendOtpRequest;
import io.huduma.contracts.notifications.v1.SendOtpResponse;
import io.huduma.platform.domain.DomainException;
import io.huduma.platform.grpc.GrpcCaller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * {@code SendOtp} for identity: a valid service token (the platform's interceptors) of an allowed client
 * (this class). The request is never logged: it holds the code.
 */
@Service
@EnableConfigurationProperties(OtpProperties.class)
class NotificationsGrpcService extends NotificationsServiceGrpc.NotificationsServiceImplBase {

    private final SendingCodes codes;
    private final OtpProperties properties;

    NotificationsGrpcService(SendingCodes codes, OtpProperties properties) {
        this.codes = codes;
        this.properties = properties;
    }

    @Override
    public void sendOtp(SendOtpRequest request, StreamObserver<SendOtpResponse> response) {
        String client = GrpcCaller.current().map(GrpcCaller::clientId).orElse("");
        if (!properties.allowedClients().contains(client)) {
            response.onError(Status.PERMISSION_DENIED
                    .withDescription("client '" + client + "' may not send one-time codes").asRuntimeException());
            return;
        }
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
