package io.huduma.gateway.agency;

import io.huduma.platform.net.UpstreamPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

/**
 * The routing client's name resolver: the name of an agency's https upstream is resolved here, at connect
 * time, and a connection to a loopback, private, link-local or otherwise internal address is refused, so a
 * name that changed its address since registration (DNS rebinding) reaches nothing inside. Other names
 * (the platform's own instances) resolve as usual.
 */
final class GuardedResolver extends AddressResolverGroup<InetSocketAddress> {

    private final Predicate<String> guarded;
    private final Predicate<String> exempt;
    private final UpstreamLookup lookup;

    /**
     * @param guarded names of agency upstreams, checked
     * @param exempt  names on the explicit allow-lists (allowed hosts, loopback demo upstreams)
     */
    GuardedResolver(Predicate<String> guarded, Predicate<String> exempt) {
        this(guarded, exempt, InetAddress::getAllByName);
    }

    GuardedResolver(Predicate<String> guarded, Predicate<String> exempt, UpstreamLookup lookup) {
        this.guarded = guarded;
        this.exempt = exempt;
        this.lookup = lookup;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {
            @Override
            protected void doResolve(String host, Promise<InetAddress> promise) {
                try {
                    InetAddress[] all = check(host, lookup.addresses(host));
                    promise.setSuccess(all[0]);
                } catch (UnknownHostException e) {
                    promise.setFailure(e);
                }
            }

            @Override
            protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                try {
                    promise.setSuccess(Arrays.asList(check(host, lookup.addresses(host))));
                } catch (UnknownHostException e) {
                    promise.setFailure(e);
                }
            }
        });
    }

    /** The addresses of {@code host}, or an exception when a guarded name resolves to any internal address. */
    InetAddress[] check(String host, InetAddress[] addresses) throws UnknownHostException {
        if (guarded.test(host) && !exempt.test(host)) {
            for (InetAddress address : addresses) {
                if (!UpstreamPolicy.isPublic(address)) {
                    throw new UnknownHostException("agency upstream " + host + " resolves to " + address.getHostAddress()
                            + ", which is not a public address: connection refused");
                }
            }
        }
        return addresses;
    }
}
