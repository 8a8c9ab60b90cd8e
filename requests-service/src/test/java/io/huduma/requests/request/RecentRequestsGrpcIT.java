package io.huduma.requests.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.huduma.contracts.common.v1.Channel;
import io.huduma.contracts.requests.v1.ListRecentRequestsRequest;
import io.huduma.contracts.requests.v1.RecentRequest;
import io.huduma.contracts.requests.v1.RequestsServiceGrpc;
import io.huduma.contracts.requests.v1.SubmitRequestRequest;
import io.huduma.requests.RequestsIT;
import io.huduma.testkit.GrpcCalls;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;

/** ListRecentRequests: "my recent requests" of the USSD menu, newest first, for ussd-service only. */
class RecentRequestsGrpcIT extends RequestsIT {

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
    void listsACitizensNewestRequestsFirst() throws InterruptedException {
        String citizen = UUID.randomUUID().toString();
        UUID service = aBrelaService();
        List<String> tracking = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tracking.add(stub(Tokens.serviceToken("ussd-service")).submitRequest(SubmitRequestRequest.newBuilder()
                    .setCitizenSubject(citizen).setIdempotencyKey("ussd-" + UUID.randomUUID()).setServiceId(service.toString())
                    .setAnswersJson(validAnswers().toString()).setChannel(Channel.CHANNEL_USSD).setPhone("+255754000222")
                    .build()).getTrackingNumber());
            Thread.sleep(20);
        }

        List<RecentRequest> two = stub(Tokens.serviceToken("ussd-service")).listRecentRequests(ListRecentRequestsRequest.newBuilder()
                .setCitizenSubject(citizen).setLimit(2).build()).getRequestsList();
        assertThat(two).extracting(RecentRequest::getTrackingNumber).containsExactly(tracking.get(2), tracking.get(1));
        assertThat(two.get(0).getStatus()).isEqualTo("SUBMITTED");
        assertThat(two.get(0).getServiceName().getSw()).startsWith("Usajili wa Jina la Biashara");
        assertThat(two.get(0).getAgencyCode()).isEqualTo("brela");
        assertThat(two.get(0).getDueDate()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(two.get(0).getSubmittedAt().getSeconds()).isPositive();

        assertThat(stub(Tokens.serviceToken("ussd-service")).listRecentRequests(ListRecentRequestsRequest.newBuilder()
                .setCitizenSubject(citizen).build()).getRequestsCount()).as("5 when no limit is given").isEqualTo(3);
        assertThat(stub(Tokens.serviceToken("ussd-service")).listRecentRequests(ListRecentRequestsRequest.newBuilder()
                .setCitizenSubject(UUID.randomUUID().toString()).build()).getRequestsList()).as("nobody else's").isEmpty();
    }

    @Test
    void refusesOtherCallersAndBadLimits() {
        ListRecentRequestsRequest request = ListRecentRequestsRequest.newBuilder().setCitizenSubject(UUID.randomUUID().toString()).build();
        assertThat(code(() -> stub(Tokens.serviceToken("notifications-service")).listRecentRequests(request)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> stub(token(AMINA)).listRecentRequests(request))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> stub(null).listRecentRequests(request))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(code(() -> stub(Tokens.tamperSignature(Tokens.serviceToken("ussd-service"))).listRecentRequests(request)))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(code(() -> stub(Tokens.serviceToken("ussd-service")).listRecentRequests(request.toBuilder().setLimit(50).build())))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(code(() -> stub(Tokens.serviceToken("ussd-service")).listRecentRequests(request.toBuilder().setCitizenSubject("").build())))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    private RequestsServiceGrpc.RequestsServiceBlockingStub stub(String token) {
        if (channel == null) {
            channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        }
        return GrpcCalls.withToken(RequestsServiceGrpc.newBlockingStub(channel), token, Duration.ofSeconds(15));
    }

    private static Status.Code code(Runnable call) {
        return GrpcCalls.statusOf(call);
    }
}
