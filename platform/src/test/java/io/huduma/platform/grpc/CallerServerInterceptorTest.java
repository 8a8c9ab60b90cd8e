package io.huduma.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.grpc.server.exception.GrpcExceptionHandlerInterceptor;
import org.springframework.grpc.server.security.AuthenticationProcessInterceptor;
import org.springframework.grpc.server.security.BearerTokenAuthenticationExtractor;
import org.springframework.grpc.server.security.CallContext;
import org.springframework.grpc.server.security.SecurityGrpcExceptionHandler;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.huduma.contracts.catalog.v1.Agency;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.contracts.catalog.v1.GetAgencyRequest;
import io.huduma.contracts.catalog.v1.GetAgencyResponse;

/**
 * The platform's own per-call check, behind an authentication step that is more lenient than the
 * platform's rule (spring-grpc's fallback policy "any authenticated caller", or "permit all"): a
 * handler must still only run for a caller whose token carries realm role internal-service.
 */
class CallerServerInterceptorTest {

    /** Stand-in for Keycloak: the bearer value names the token's claims. */
    private static final Map<String, Map<String, Object>> TOKENS = Map.of(
            "service", Map.of("azp", "svc-requests-service", "realm_access", Map.of("roles", List.of("internal-service"))),
            "citizen", Map.of("azp", "huduma-cli", "realm_access", Map.of("roles", List.of("citizen"))),
            "platform-admin", Map.of("azp", "huduma-cli", "realm_access", Map.of("roles", List.of("platform-admin"))),
            "no-roles", Map.of("azp", "huduma-cli"));

    private final AtomicInteger handled = new AtomicInteger();
    private Server server;
    private ManagedChannel channel;

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aValidTokenWithoutTheRoleIsDeniedEvenWhenAuthenticationAloneWouldLetItThrough() throws IOException {
        start(AuthenticatedAuthorizationManager.authenticated());

        assertThat(status("citizen")).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(status("platform-admin")).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(status("no-roles")).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(handled).as("handler calls").hasValue(0);
    }

    @Test
    void aCallWithoutAuthenticationIsRefusedEvenWhenTheAuthenticationStepPermitsAll() throws IOException {
        start((authentication, call) -> new AuthorizationDecision(true));

        assertThat(status(null)).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(status("citizen")).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(handled).as("handler calls").hasValue(0);
    }

    @Test
    void aServiceTokenReachesTheHandlerWhichSeesItsCaller() throws IOException {
        start(AuthenticatedAuthorizationManager.authenticated());

        assertThat(getAgency("service").getWebsite()).isEqualTo("svc-requests-service");
        assertThat(handled).hasValue(1);
    }

    @Test
    void healthStaysOpenWithoutToken() throws IOException {
        start((authentication, call) -> new AuthorizationDecision(true));

        assertThat(HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
    }

    /**
     * A server whose interceptors are spring-grpc's exception handler and authentication step
     * (with {@code policy}) followed by the platform's {@link CallerServerInterceptor}.
     */
    private void start(AuthorizationManager<CallContext> policy) throws IOException {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder());
        provider.setJwtAuthenticationConverter(new ServiceTokenAuthenticationConverter());
        AuthenticationProcessInterceptor authentication = new AuthenticationProcessInterceptor(
                new ProviderManager(provider), new BearerTokenAuthenticationExtractor(), policy);
        GrpcExceptionHandlerInterceptor exceptions = new GrpcExceptionHandlerInterceptor(new SecurityGrpcExceptionHandler());
        CallerServerInterceptor caller = new CallerServerInterceptor();

        String name = "caller-test-" + UUID.randomUUID();
        server = InProcessServerBuilder.forName(name)
                .addService(ServerInterceptors.interceptForward(new Echo(), exceptions, authentication, caller))
                .addService(ServerInterceptors.interceptForward(new HealthStatusManager().getHealthService(),
                        exceptions, authentication, caller))
                .build().start();
        channel = InProcessChannelBuilder.forName(name).build();
    }

    private static JwtDecoder decoder() {
        return token -> {
            Map<String, Object> claims = TOKENS.get(token);
            if (claims == null) {
                throw new BadJwtException("unknown token");
            }
            Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("subject-of-" + token)
                    .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
            claims.forEach(jwt::claim);
            return jwt.build();
        };
    }

    private Status.Code status(String token) {
        try {
            getAgency(token);
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
        return Status.Code.OK;
    }

    private Agency getAgency(String token) {
        CatalogServiceGrpc.CatalogServiceBlockingStub stub = CatalogServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS);
        if (token != null) {
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
            stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
        }
        return stub.getAgency(GetAgencyRequest.newBuilder().setCode("brela").build()).getAgency();
    }

    /** Answers with the caller the handler sees (website = client id). */
    private final class Echo extends CatalogServiceGrpc.CatalogServiceImplBase {

        @Override
        public void getAgency(GetAgencyRequest request, StreamObserver<GetAgencyResponse> response) {
            handled.incrementAndGet();
            response.onNext(GetAgencyResponse.newBuilder().setAgency(Agency.newBuilder().setCode(request.getCode())
                    .setWebsite(GrpcCaller.current().map(GrpcCaller::clientId).orElse("anonymous"))).build());
            response.onCompleted();
        }
    }
}
