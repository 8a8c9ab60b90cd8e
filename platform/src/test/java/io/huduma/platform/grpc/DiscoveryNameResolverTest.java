package io.huduma.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;

/**
 * The {@code discovery:///} resolver against real gRPC servers and channels, with a registry
 * stand-in (a hand-written DiscoveryClient) in place of Eureka.
 */
class DiscoveryNameResolverTest {

    private final FakeDiscoveryClient registry = new FakeDiscoveryClient();
    private final DiscoveryTargets targets = new DiscoveryTargets(
            new StaticListableBeanFactory(Map.of("discoveryClient", registry)).getBeanProvider(DiscoveryClient.class),
            Duration.ofMinutes(5));
    private final List<Server> servers = new CopyOnWriteArrayList<>();
    private ManagedChannel channel;

    @AfterEach
    void stop() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        for (Server server : servers) {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void resolvesTheRegisteredInstancesGrpcPortAndSkipsInstancesWithoutOne() throws IOException {
        Server a = server("a");
        registry.set(instance("catalog-1", "service-catalog", a.getPort()),
                new DefaultServiceInstance("catalog-2", "service-catalog", "127.0.0.1", 1, false, Map.of()));

        channel = channel("discovery:///service-catalog");

        assertThat(check("a")).isEqualTo(ServingStatus.SERVING);
    }

    @Test
    void followsAnInstanceThatMovedWhenTheRegistrySignalsAFreshCopy() throws IOException {
        Server a = server("a");
        registry.set(instance("catalog-1", "service-catalog", a.getPort()));
        channel = channel("discovery:///service-catalog");
        assertThat(check("a")).isEqualTo(ServingStatus.SERVING);

        Server b = server("b");
        registry.set(instance("catalog-2", "service-catalog", b.getPort()));
        // server a stays up: only the registry refresh can move the channel to b
        targets.refreshAll(); // what a Eureka HeartbeatEvent does

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .untilAsserted(() -> assertThat(check("b")).isEqualTo(ServingStatus.SERVING));
    }

    @Test
    void failsCallsWithUnavailableWhileNoInstanceIsRegistered() {
        registry.set(new DefaultServiceInstance("gw", "service-catalog", "127.0.0.1", 8080, false, Map.of()));
        channel = channel("discovery:///service-catalog");

        assertThatThrownBy(() -> check("a"))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                    assertThat(e.getStatus().getDescription()).contains("service-catalog", "grpc.port");
                });
    }

    @Test
    void aChannelBuiltByHandUsesTheLatestApplicationsRegistryAndNoneOnceItIsClosed() throws IOException {
        Server a = server("a");
        registry.set(instance("catalog-1", "service-catalog", a.getPort()));

        channel = Grpc.newChannelBuilder("discovery:///service-catalog", InsecureChannelCredentials.create()).build();
        assertThat(check("a")).isEqualTo(ServingStatus.SERVING);

        targets.destroy();
        ManagedChannel orphan = Grpc.newChannelBuilder("discovery:///service-catalog",
                InsecureChannelCredentials.create()).build();
        try {
            assertThatThrownBy(() -> HealthGrpc.newBlockingStub(orphan).withDeadlineAfter(5, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getDescription()).contains("no DiscoveryClient"));
        } finally {
            orphan.shutdownNow();
        }
    }

    @Test
    void readsTheServiceIdFromEitherTargetForm() {
        assertThat(DiscoveryNameResolverProvider.serviceId(URI.create("discovery:///service-catalog")))
                .isEqualTo("service-catalog");
        assertThat(DiscoveryNameResolverProvider.serviceId(URI.create("discovery://identity")))
                .isEqualTo("identity");
        assertThatThrownBy(() -> DiscoveryNameResolverProvider.serviceId(URI.create("discovery:///")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private ManagedChannel channel(String target) {
        return Grpc.newChannelBuilder(target, InsecureChannelCredentials.create())
                .setNameResolverArg(DiscoveryNameResolverProvider.TARGETS, targets)
                .build();
    }

    private ServingStatus check(String service) {
        return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
    }

    /** A server whose health service knows only {@code name}, so a check tells which server answered. */
    private Server server(String name) throws IOException {
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus(name, ServingStatus.SERVING);
        Server server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(health.getHealthService()).build().start();
        servers.add(server);
        return server;
    }

    private static ServiceInstance instance(String id, String service, int grpcPort) {
        return new DefaultServiceInstance(id, service, "127.0.0.1", 8080, false,
                Map.of("grpc.port", String.valueOf(grpcPort)));
    }

    private static final class FakeDiscoveryClient implements DiscoveryClient {

        private volatile List<ServiceInstance> instances = List.of();

        void set(ServiceInstance... instances) {
            this.instances = List.of(instances);
        }

        @Override
        public String description() {
            return "fake registry";
        }

        @Override
        public List<ServiceInstance> getInstances(String serviceId) {
            return instances.stream().filter(i -> i.getServiceId().equalsIgnoreCase(serviceId)).toList();
        }

        @Override
        public List<String> getServices() {
            return instances.stream().map(ServiceInstance::getServiceId).distinct().toList();
        }
    }
}
