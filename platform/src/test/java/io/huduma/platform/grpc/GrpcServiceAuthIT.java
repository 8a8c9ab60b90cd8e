package io.huduma.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.MetadataUtils;
import io.huduma.contracts.catalog.v1.Agency;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.contracts.catalog.v1.GetAgencyRequest;
import io.huduma.platform.correlation.Correlation;
import io.huduma.platform.grpc.testapp.GrpcTestApplication;
import io.huduma.testkit.DemoUsers;
import io.huduma.testkit.HudumaTestProperties;
import io.huduma.testkit.Tokens;

/**
 * Service-to-service authentication on a real gRPC server with real Keycloak tokens: only a
 * valid token with realm role internal-service gets through; health stays open.
 */
@SpringBootTest(classes = GrpcTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.application.name=platform-grpc-it",
                "eureka.client.enabled=false",
                // this test service calls itself as service-catalog, a client the realm knows
                "huduma.service-auth.client-id=svc-service-catalog",
                "huduma.service-auth.client-secret=dev-secret-service-catalog",
                // GetAgency names its callers; notifications-service is not one of them
                "huduma.grpc.allowed-callers[huduma.catalog.v1.CatalogService/GetAgency]=svc-requests-service,svc-service-catalog" })
class GrpcServiceAuthIT {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        HudumaTestProperties.database(registry, "platform_grpc");
        HudumaTestProperties.kafka(registry);
        HudumaTestProperties.keycloak(registry);
        registry.add("spring.grpc.server.port", () -> "0");
    }

    @LocalGrpcPort
    int port;
    @Autowired
    GrpcChannelFactory channels;

    private ManagedChannel bare;
    private ManagedChannel platform;

    @BeforeEach
    void openChannels() {
        bare = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        platform = channels.createChannel("127.0.0.1:" + port);
    }

    @AfterEach
    void closeChannels() {
        bare.shutdownNow();
        platform.shutdownNow();
    }

    @Test
    void aCallWithoutTokenIsUnauthenticated() {
        assertThat(statusOf(() -> getAgency(bareStub()))).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void aCitizensTokenIsValidButHasNoInternalServiceRole() {
        assertThat(statusOf(() -> getAgency(bareStub(Tokens.forUser(DemoUsers.CITIZEN_AMINA)))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void forgedOrForeignTokensAreUnauthenticated() {
        String service = Tokens.serviceToken("service-catalog");
        assertThat(statusOf(() -> getAgency(bareStub(Tokens.tamperSignature(service)))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(statusOf(() -> getAgency(bareStub(Tokens.algNone(service)))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(statusOf(() -> getAgency(bareStub(Tokens.fromElsewhere()))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(statusOf(() -> getAgency(bareStub(Tokens.selfSigned(
                Tokens.plausibleClaims("svc-intruder", "internal-service"))))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        // a user token without the huduma-api audience fails the service's own decoder
        assertThat(statusOf(() -> getAgency(bareStub(
                Tokens.forUser(DemoUsers.CITIZEN_AMINA, DemoUsers.NO_AUDIENCE_CLIENT)))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void theServicesOwnChannelCarriesItsServiceTokenCorrelationIdAndADefaultDeadline() {
        Agency agency;
        try (Correlation.Scope scope = Correlation.open("grpc-it-corr-1")) {
            agency = getAgency(CatalogServiceGrpc.newBlockingStub(platform));
        }

        assertThat(agency.getCode()).isEqualTo("brela");
        assertThat(agency.getWebsite()).as("caller in the gRPC context").isEqualTo("svc-service-catalog");
        assertThat(agency.getContactEmail()).as("correlation id in the handler's MDC").isEqualTo("grpc-it-corr-1");
        assertThat(Long.parseLong(agency.getName().getSw())).as("deadline ms seen by the server")
                .isPositive().isLessThanOrEqualTo(5_000);
    }

    @Test
    void aDeadlineTheCallerSetIsKept() {
        Agency agency = getAgency(CatalogServiceGrpc.newBlockingStub(platform).withDeadlineAfter(30, TimeUnit.SECONDS));

        assertThat(Long.parseLong(agency.getName().getSw())).isGreaterThan(20_000);
    }

    @Test
    void aValidServiceTokenFromAnotherModuleIsAccepted() {
        Agency agency = getAgency(bareStub(Tokens.serviceToken("requests-service")));

        assertThat(agency.getWebsite()).isEqualTo("svc-requests-service");
    }

    /**
     * The same server, the same channel, calls of every kind mixed: first in a fixed order (so
     * each refused call directly follows an accepted one, likely on the thread that served it),
     * then all at once from many client threads. Every call must be judged on its own token:
     * nothing of an earlier call (security context, caller) may carry over to a later one.
     */
    @Test
    void everyCallIsJudgedOnItsOwnTokenWhenMixedWithAcceptedCalls() throws Exception {
        Map<String, Expectation> kinds = new LinkedHashMap<>();
        kinds.put("service requests-service", accepted(Tokens.serviceToken("requests-service"), "svc-requests-service"));
        kinds.put("service notifications-service, not on the method's list",
                refused(Tokens.serviceToken("notifications-service"), Status.Code.PERMISSION_DENIED));
        kinds.put("citizen", refused(Tokens.forUser(DemoUsers.CITIZEN_AMINA), Status.Code.PERMISSION_DENIED));
        kinds.put("platform admin", refused(Tokens.forUser(DemoUsers.PLATFORM_ADMIN), Status.Code.PERMISSION_DENIED));
        kinds.put("no token", refused(null, Status.Code.UNAUTHENTICATED));
        kinds.put("tampered service token",
                refused(Tokens.tamperSignature(Tokens.serviceToken("requests-service")), Status.Code.UNAUTHENTICATED));
        List<String> order = List.copyOf(kinds.keySet());

        List<String> wrong = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            for (String kind : order) {
                String outcome = outcome(kinds.get(kind).token());
                if (!outcome.equals(kinds.get(kind).outcome())) {
                    wrong.add("sequential " + kind + " -> " + outcome);
                }
            }
        }

        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                String kind = order.get(ThreadLocalRandom.current().nextInt(order.size()));
                Expectation expected = kinds.get(kind);
                results.add(clients.submit(() -> {
                    String outcome = outcome(expected.token());
                    return outcome.equals(expected.outcome()) ? null : "concurrent " + kind + " -> " + outcome;
                }));
            }
            for (Future<String> result : results) {
                String mismatch = result.get(60, TimeUnit.SECONDS);
                if (mismatch != null) {
                    wrong.add(mismatch);
                }
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(wrong).as("calls judged on something else than their own token").isEmpty();
    }

    @Test
    void healthAnswersWithoutToken() {
        assertThat(HealthGrpc.newBlockingStub(bare).withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
    }

    /** A stub on a channel without the platform's interceptors. */
    private CatalogServiceGrpc.CatalogServiceBlockingStub bareStub() {
        return CatalogServiceGrpc.newBlockingStub(bare).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private CatalogServiceGrpc.CatalogServiceBlockingStub bareStub(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return bareStub().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private record Expectation(String token, String outcome) {
    }

    private static Expectation accepted(String token, String clientId) {
        return new Expectation(token, "OK as " + clientId);
    }

    private static Expectation refused(String token, Status.Code code) {
        return new Expectation(token, code.name());
    }

    /** "OK as <caller the handler saw>" or the status code of the refusal. */
    private String outcome(String token) {
        try {
            return "OK as " + getAgency(token == null ? bareStub() : bareStub(token)).getWebsite();
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode().name();
        }
    }

    private static Agency getAgency(CatalogServiceGrpc.CatalogServiceBlockingStub stub) {
        return stub.getAgency(GetAgencyRequest.newBuilder().setCode("brela").build()).getAgency();
    }

    private static Status.Code statusOf(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
        throw new AssertionError("the call succeeded");
    }
}
