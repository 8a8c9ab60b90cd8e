package io.huduma.identity.code;

import java.time.Duration;

import io.grpc.StatusRuntimeException;
import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.notifications.v1.NotificationsServiceGrpc;
import io.huduma.contracts.notifications.v1.SendOtpRequest;
import io.huduma.platform.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/** notifications-service's {@code SendOtp} (channel {@code notifications-service}): the only way a code leaves identity. */
@Component
class NotificationsClient implements OtpSender {

    private static final Logger log = LoggerFactory.getLogger(NotificationsClient.class);
    private final NotificationsServiceGrpc.NotificationsServiceBlockingStub stub;
    private final Duration deadline;

    NotificationsClient(GrpcChannelFactory channels,
                        @Value("${huduma.identity.send-otp-deadline:10s}") Duration deadline) {
        this.stub = NotificationsServiceGrpc.newBlockingStub(channels.createChannel("notifications-service"));
        this.deadline = deadline;
    }

    @Override
    public void send(String phone, String code, Purpose purpose, String language, int validMinutes) {
        try {
            stub.withDeadlineAfter(deadline).sendOtp(SendOtpRequest.newBuilder()
                    .setDestination(phone)
                    .setCode(code)
                    .setPurpose(purpose.label())
                    .setLanguage("en".equals(language) ? Language.LANGUAGE_EN : Language.LANGUAGE_SW)
                    .setValidMinutes(validMinutes)
                    .build());
        } catch (StatusRuntimeException e) {
            // the status only: the request (with its code) is never logged
            log.warn("SendOtp for {} failed: {}", purpose.label(), e.getStatus().getCode());
            throw DomainException.unavailable("The code could not be sent just now; please try again");
        }
    }
}
