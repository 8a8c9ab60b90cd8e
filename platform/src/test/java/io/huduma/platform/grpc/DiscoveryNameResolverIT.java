package io.huduma.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.contracts.catalog.v1.GetAgencyRequest;
import io.huduma.platform.grpc.testapp.GrpcTestApplication;
import io.huduma.testkit.HudumaTestProperties;

/**
 * A service registered in the shared Eureka (gRPC on a random port) is reached over a channel to
 * {@code discovery:///<its name>}: the port comes from its instance metadata.
 */
@SpringBootTest(classes = GrpcTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "huduma.service-auth.client-id=svc-service-catalog",
                "huduma.service-auth.client-secret=dev-secret-service-catalog" })
class DiscoveryNameResolverIT {

    /** Unique per run: stale registrations of earlier runs must not answer for this one. */
    static final String NAME = "platform-discovery-it-" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        HudumaTestProperties.all(registry, "platform_discovery");
        registry.add("spring.application.name", () -> NAME);
    }

    @LocalGrpcPort
    int port;
    @Autowired
    DiscoveryClient discovery;
    @Autowired
    GrpcChannelFactory channels;

    @Test
    void healthAndAnAuthenticatedCallGoThroughAChannelResolvedByEureka() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(discovery.getInstances(NAME))
                .anySatisfy(instance -> assertThat(instance.getMetadata())
                        .containsEntry("grpc.port", String.valueOf(port))));

        ManagedChannel channel = channels.createChannel("discovery:///" + NAME);
        try {
            assertThat(HealthGrpc.newBlockingStub(channel).withWaitForReady().withDeadlineAfter(30, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
            assertThat(CatalogServiceGrpc.newBlockingStub(channel)
                    .getAgency(GetAgencyRequest.newBuilder().setCode("rita").build()).getAgency().getWebsite())
                    .isEqualTo("svc-service-catalog");
        } finally {
            // the cached context is paused (deregistered) while other test classes run
            channel.shutdownNow();
        }
    }
}
