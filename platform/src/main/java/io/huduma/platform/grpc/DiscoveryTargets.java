package io.huduma.platform.grpc;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.discovery.event.HeartbeatEvent;
import org.springframework.context.ApplicationListener;

/**
 * The application context's side of {@code discovery:///} resolution: looks instances up in the
 * {@link DiscoveryClient} and refreshes every live resolver when the registry client signals a
 * fresh copy of the registry ({@link HeartbeatEvent}, sent by Eureka after each fetch).
 */
final class DiscoveryTargets implements ApplicationListener<HeartbeatEvent>, DisposableBean {

    private final ObjectProvider<DiscoveryClient> discoveryClient;
    private final Duration refreshInterval;
    private final Set<DiscoveryNameResolver> live = ConcurrentHashMap.newKeySet();

    DiscoveryTargets(ObjectProvider<DiscoveryClient> discoveryClient, Duration refreshInterval) {
        this.discoveryClient = discoveryClient;
        this.refreshInterval = refreshInterval;
        DiscoveryNameResolverProvider.register(this);
    }

    @Override
    public void destroy() {
        DiscoveryNameResolverProvider.unregister(this);
    }

    /** Host and gRPC port of each registered instance of {@code serviceId} that publishes one. */
    List<InetSocketAddress> lookup(String serviceId) {
        DiscoveryClient client = discoveryClient.getIfAvailable();
        if (client == null) {
            throw new IllegalStateException("No DiscoveryClient in this application (is Eureka enabled?)");
        }
        return client.getInstances(serviceId).stream()
                .map(DiscoveryTargets::grpcAddress)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(InetSocketAddress::toString))
                .toList();
    }

    private static InetSocketAddress grpcAddress(ServiceInstance instance) {
        Map<String, String> metadata = instance.getMetadata();
        String port = metadata == null ? null : metadata.get(DiscoveryNameResolverProvider.GRPC_PORT_METADATA);
        if (port == null || !port.matches("\\d{1,5}") || instance.getHost() == null) {
            return null;
        }
        int number = Integer.parseInt(port);
        return number > 0 && number <= 65535 ? new InetSocketAddress(instance.getHost(), number) : null;
    }

    @Override
    public void onApplicationEvent(HeartbeatEvent event) {
        refreshAll();
    }

    void refreshAll() {
        live.forEach(DiscoveryNameResolver::refreshAsync);
    }

    Duration refreshInterval() {
        return refreshInterval;
    }

    void add(DiscoveryNameResolver resolver) {
        live.add(resolver);
    }

    void remove(DiscoveryNameResolver resolver) {
        live.remove(resolver);
    }
}
