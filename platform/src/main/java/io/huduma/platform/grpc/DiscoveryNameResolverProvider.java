package io.huduma.platform.grpc;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;

/**
 * gRPC name resolver for targets {@code discovery:///<service-id>}: the instances Spring Cloud's
 * {@code DiscoveryClient} (Eureka) knows for that service, at their host and the port in their
 * {@code grpc.port} metadata. The provider is registered once per JVM; each channel built by
 * Spring's {@code GrpcChannelFactory} carries its application context's {@link DiscoveryTargets}
 * as a name-resolver argument, and a channel built by hand (a test, a tool) uses the most
 * recently started context's.
 */
final class DiscoveryNameResolverProvider extends NameResolverProvider {

    static final String SCHEME = "discovery";

    /** Instance metadata key holding the port of an instance's gRPC server. */
    static final String GRPC_PORT_METADATA = "grpc.port";

    static final NameResolver.Args.Key<DiscoveryTargets> TARGETS = NameResolver.Args.Key.create("huduma-discovery-targets");

    static final DiscoveryNameResolverProvider INSTANCE = new DiscoveryNameResolverProvider();

    private static final AtomicBoolean REGISTERED = new AtomicBoolean();

    private static final AtomicReference<DiscoveryTargets> LATEST = new AtomicReference<>();

    private DiscoveryNameResolverProvider() {
    }

    /** Makes {@code discovery:} known to gRPC's default registry (idempotent) and {@code targets} the default. */
    static void register(DiscoveryTargets targets) {
        LATEST.set(targets);
        if (REGISTERED.compareAndSet(false, true)) {
            NameResolverRegistry.getDefaultRegistry().register(INSTANCE);
        }
    }

    /** Forgets {@code targets} as the default when its application context closes. */
    static void unregister(DiscoveryTargets targets) {
        LATEST.compareAndSet(targets, null);
    }

    @Override
    public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
        if (!SCHEME.equals(targetUri.getScheme())) {
            return null;
        }
        DiscoveryTargets targets = args.getArg(TARGETS);
        return new DiscoveryNameResolver(serviceId(targetUri), targets != null ? targets : LATEST.get(), args);
    }

    /** {@code discovery:///service-catalog} (or {@code discovery://service-catalog}) -> {@code service-catalog}. */
    static String serviceId(URI target) {
        String path = target.getPath() == null ? "" : target.getPath().replaceAll("^/+|/+$", "");
        String id = path.isEmpty() ? target.getAuthority() : path;
        if (id == null || id.isBlank() || id.contains("/")) {
            throw new IllegalArgumentException("Expected discovery:///<service-id>, got " + target);
        }
        return id;
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        return 5;
    }

    @Override
    public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
        return List.of(InetSocketAddress.class);
    }
}
