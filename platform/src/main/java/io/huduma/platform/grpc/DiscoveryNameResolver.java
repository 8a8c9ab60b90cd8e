package io.huduma.platform.grpc;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.Status;
import io.grpc.StatusOr;
import io.grpc.SynchronizationContext;

/**
 * Resolves one {@code discovery:///<service-id>} target. Re-reads the registry when the channel
 * asks ({@link #refresh()}, e.g. after a connection failure), on every Eureka heartbeat (via
 * {@link DiscoveryTargets}) and periodically as a fallback; tells the channel only about changes.
 */
final class DiscoveryNameResolver extends NameResolver {

    private final String serviceId;
    private final DiscoveryTargets targets;
    private final SynchronizationContext sync;
    private final Executor lookups;
    private final NameResolver.Args args;

    // all fields below are touched only in the SynchronizationContext
    private Listener2 listener;
    private boolean resolving;
    private boolean shutdown;
    private List<EquivalentAddressGroup> current;
    private SynchronizationContext.ScheduledHandle periodic;

    DiscoveryNameResolver(String serviceId, DiscoveryTargets targets, NameResolver.Args args) {
        this.serviceId = serviceId;
        this.targets = targets;
        this.args = args;
        this.sync = args.getSynchronizationContext();
        // the registry lookup may block (another DiscoveryClient than Eureka's local cache)
        this.lookups = args.getOffloadExecutor() != null ? args.getOffloadExecutor() : Runnable::run;
    }

    @Override
    public String getServiceAuthority() {
        return serviceId;
    }

    @Override
    public void start(Listener2 listener) {
        this.listener = listener;
        if (targets == null) {
            listener.onError(Status.UNAVAILABLE.withDescription("discovery:///" + serviceId
                    + " resolves only inside a running Huduma service (no DiscoveryClient in this JVM)"));
            return;
        }
        targets.add(this);
        Duration interval = targets.refreshInterval();
        periodic = sync.scheduleWithFixedDelay(this::resolve, interval, interval, args.getScheduledExecutorService());
        resolve();
    }

    @Override
    public void refresh() {
        resolve();
    }

    /** Called from outside gRPC (heartbeat): hops into the channel's synchronization context. */
    void refreshAsync() {
        sync.execute(this::resolve);
    }

    @Override
    public void shutdown() {
        shutdown = true;
        if (periodic != null) {
            periodic.cancel();
        }
        if (targets != null) {
            targets.remove(this);
        }
    }

    private void resolve() {
        if (resolving || shutdown || targets == null) {
            return;
        }
        resolving = true;
        lookups.execute(() -> {
            StatusOr<List<EquivalentAddressGroup>> result = lookup();
            sync.execute(() -> deliver(result));
        });
    }

    private StatusOr<List<EquivalentAddressGroup>> lookup() {
        try {
            List<InetSocketAddress> addresses = targets.lookup(serviceId);
            if (addresses.isEmpty()) {
                return StatusOr.fromStatus(Status.UNAVAILABLE.withDescription("No instance of " + serviceId
                        + " with '" + DiscoveryNameResolverProvider.GRPC_PORT_METADATA + "' metadata in the registry"));
            }
            return StatusOr.fromValue(addresses.stream().map(EquivalentAddressGroup::new).toList());
        } catch (RuntimeException e) {
            return StatusOr.fromStatus(Status.UNAVAILABLE
                    .withDescription("Registry lookup of " + serviceId + " failed").withCause(e));
        }
    }

    private void deliver(StatusOr<List<EquivalentAddressGroup>> result) {
        resolving = false;
        if (shutdown) {
            return;
        }
        if (result.hasValue() && result.getValue().equals(current)) {
            return;
        }
        current = result.hasValue() ? result.getValue() : null;
        listener.onResult2(ResolutionResult.newBuilder().setAddressesOrError(result).build());
    }
}
