package io.huduma.notifications;

import java.time.Duration;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.notifications.v1.NotificationsServiceGrpc;
import io.huduma.contracts.notifications.v1.SendOtpRequest;
import io.huduma.contracts.notifications.v1.SendOtpResponse;
import io.huduma.testkit.Tokens;

/** Calls {@code SendOtp} on the service under test as identity does (or as someone else, to be refused). */
final class Otp {

    private static String identityToken;

    private Otp() {
    }

    /** As identity, with its real service token. */
    static SendOtpResponse send(int grpcPort, String destination, String code, String language) {
        return send(grpcPort, identityToken(), SendOtpRequest.newBuilder().setDestination(destination).setCode(code)
                .setPurpose("sign-up").setValidMinutes(10)
                .setLanguage("en".equals(language) ? Language.LANGUAGE_EN : Language.LANGUAGE_SW).build());
    }

    /** With {@code token} as the bearer (null: none). */
    static SendOtpResponse send(int grpcPort, String token, SendOtpRequest request) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        try {
            NotificationsServiceGrpc.NotificationsServiceBlockingStub stub = NotificationsServiceGrpc
                    .newBlockingStub(channel).withDeadlineAfter(Duration.ofSeconds(20));
            if (token != null) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
            }
            return stub.sendOtp(request);
        } finally {
            channel.shutdownNow();
        }
    }

    static synchronized String identityToken() {
        if (identityToken == null) {
            identityToken = Tokens.serviceToken("identity");
        }
        return identityToken;
    }
}
