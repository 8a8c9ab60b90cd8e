package io.huduma.requests.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.Channel;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.requests.v1.GetStatusByTrackingNumberRequest;
import io.huduma.contracts.requests.v1.GetStatusByTrackingNumberResponse;
import io.huduma.contracts.requests.v1.RequestSubmitted;
import io.huduma.contracts.requests.v1.RequestsServiceGrpc;
import io.huduma.contracts.requests.v1.SubmitRequestRequest;
import io.huduma.contracts.requests.v1.SubmitRequestResponse;
import io.huduma.testkit.TopicEvents;
import io.huduma.requests.RequestsIT;
import io.huduma.testkit.GrpcCalls;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;

/** The USSD/SMS channel's rpcs: SubmitRequest with the HTTP rules, GetStatusByTrackingNumber for the phone used. */
class RequestsGrpcIT extends RequestsIT {

    private static final String PHONE = "+255754000111";

    @LocalGrpcPort
    int grpcPort;

    private ManagedChannel channel;

    @AfterEach
    void close() {
        if (channel != null) {
            channel.shutdownNow();
        }
    }

    @Test
    void theUssdChannelSubmitsIdempotentlyAndAsksForTheStatusWithThePhone() throws Exception {
        UUID service = aBrelaService();
        String key = "ussd-" + UUID.randomUUID();
        SubmitRequestRequest submission = submission(service, key, validAnswers().toString());

        SubmitRequestResponse first = stub(Tokens.serviceToken("notifications-service")).submitRequest(submission);
        SubmitRequestResponse retry = stub(Tokens.serviceToken("notifications-service")).submitRequest(submission);

        assertThat(first.getStatus()).isEqualTo("SUBMITTED");
        assertThat(first.getTrackingNumber()).startsWith("HD-");
        assertThat(first.getServiceName().getSw()).isEqualTo("Usajili wa Jina la Biashara 1");
        assertThat(retry.getRequestId()).isEqualTo(first.getRequestId());
        assertThat(jdbc.sql("select count(*) from request where service_id = ?").param(service).query(Long.class).single()).isOne();
        // the citizen sees it on the web too
        assertThat(http().get("/api/v1/requests/" + first.getRequestId(), token(AMINA)).body().path("channel").asString())
                .isEqualTo("ussd");
        EventEnvelope event = TopicEvents.await(Topics.REQUESTS, first.getRequestId(), 1).get(0);
        assertThat(event.getData().unpack(RequestSubmitted.class).getChannel()).isEqualTo(Channel.CHANNEL_USSD);

        GetStatusByTrackingNumberResponse status = stub(Tokens.serviceToken("notifications-service"))
                .getStatusByTrackingNumber(GetStatusByTrackingNumberRequest.newBuilder()
                        .setTrackingNumber(first.getTrackingNumber().toLowerCase()).setPhone(PHONE).build());
        assertThat(status.getStatus()).isEqualTo("SUBMITTED");
        assertThat(status.getAgencyCode()).isEqualTo("brela");
        assertThat(status.getDueDate()).isEqualTo(first.getDueDate());
        assertThat(status.getOnTime()).isTrue();

        assertThat(code(() -> stub(Tokens.serviceToken("notifications-service")).getStatusByTrackingNumber(
                GetStatusByTrackingNumberRequest.newBuilder().setTrackingNumber(first.getTrackingNumber())
                        .setPhone("+255754999999").build()))).isEqualTo(Status.Code.NOT_FOUND);
        String number = first.getTrackingNumber();
        String typo = number.substring(0, number.length() - 1) + (number.endsWith("Z") ? "Y" : "Z");
        assertThat(code(() -> stub(Tokens.serviceToken("notifications-service")).getStatusByTrackingNumber(
                GetStatusByTrackingNumberRequest.newBuilder().setTrackingNumber(typo).setPhone(PHONE).build())))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void submissionsFollowTheHttpRules() {
        UUID service = aBrelaService();
        String key = "ussd-" + UUID.randomUUID();
        String token = Tokens.serviceToken("notifications-service");
        stub(token).submitRequest(submission(service, key, validAnswers().toString()));

        assertThat(code(() -> stub(token).submitRequest(submission(service, key, validAnswers().put("employees", 9).toString()))))
                .isEqualTo(Status.Code.ALREADY_EXISTS);
        StatusRuntimeException invalid = catchStatus(() -> stub(token).submitRequest(
                submission(service, "ussd-" + UUID.randomUUID(), "{\"businessName\":\"AB\"}")));
        assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(invalid.getStatus().getDescription()).contains("/answers/businessName", "/answers/ownerNationalId");
        assertThat(code(() -> stub(token).submitRequest(submission(UUID.randomUUID(), "ussd-" + UUID.randomUUID(), "{}"))))
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void onlyTheNamedInternalClientsAreServed() {
        UUID service = aBrelaService();
        SubmitRequestRequest submission = submission(service, "ussd-" + UUID.randomUUID(), validAnswers().toString());

        assertThat(code(() -> stub(null).submitRequest(submission))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(code(() -> stub(Tokens.tamperSignature(Tokens.serviceToken("notifications-service"))).submitRequest(submission)))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(code(() -> stub(token(AMINA)).submitRequest(submission))).isEqualTo(Status.Code.PERMISSION_DENIED);
        // a service, but not one this rpc serves
        assertThat(code(() -> stub(Tokens.serviceToken("identity")).submitRequest(submission)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> stub(Tokens.serviceToken("identity")).getStatusByTrackingNumber(
                GetStatusByTrackingNumberRequest.newBuilder().setTrackingNumber("HD-2222-2222").build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(jdbc.sql("select count(*) from request where service_id = ?").param(service).query(Long.class).single()).isZero();
    }

    private SubmitRequestRequest submission(UUID service, String key, String answers) {
        return SubmitRequestRequest.newBuilder().setCitizenSubject(subjectOf(AMINA)).setIdempotencyKey(key)
                .setServiceId(service.toString()).setAnswersJson(answers).setChannel(Channel.CHANNEL_USSD)
                .setPhone(PHONE).build();
    }

    private RequestsServiceGrpc.RequestsServiceBlockingStub stub(String token) {
        if (channel == null) {
            channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        }
        return GrpcCalls.withToken(RequestsServiceGrpc.newBlockingStub(channel), token, Duration.ofSeconds(15));
    }

    private static Status.Code code(Runnable call) {
        return catchStatus(call).getStatus().getCode();
    }

    private static StatusRuntimeException catchStatus(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("the call succeeded");
    }
}
