package io.huduma.gateway.agency;

import io.huduma.platform.net.UpstreamPolicy;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agency APIs this gateway serves, changed live by the catalogue's events. Each name remembers the time
 * of the last change applied to it (removals too), so a late or redelivered event never undoes a newer one,
 * even across a delete and re-register of the same name (a new id, so possibly another partition). An API
 * whose upstream the policy refuses is not served.
 */
class AgencyApiDirectory {

    private static final Logger log = LoggerFactory.getLogger(AgencyApiDirectory.class);

    private record Entry(AgencyApi api, Instant at) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final UpstreamPolicy policy;

    AgencyApiDirectory(UpstreamPolicy policy) {
        this.policy = policy;
    }

    Optional<AgencyApi> find(String agency, String name) {
        Entry entry = entries.get(AgencyApi.key(agency, name));
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.api());
    }

    /** Whether {@code host} is the host of a served agency API's https upstream (checked again at connect time). */
    boolean isUpstreamHost(String host) {
        return entries.values().stream().map(Entry::api).filter(api -> api != null && !api.isDiscovered())
                .anyMatch(api -> host.equalsIgnoreCase(hostOf(api.upstream())));
    }

    /** Whether {@code host} is on an explicit allow-list for every served API that uses it. */
    boolean isExemptHost(String host) {
        return policy.isAllowedHost(host) || entries.values().stream().map(Entry::api)
                .filter(api -> api != null && !api.isDiscovered() && host.equalsIgnoreCase(hostOf(api.upstream())))
                .allMatch(api -> policy.isAllowedLoopback(host, portOf(api.upstream())));
    }

    private static String hostOf(String upstream) {
        String host = java.net.URI.create(upstream).getHost();
        return host != null && host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private static int portOf(String upstream) {
        java.net.URI uri = java.net.URI.create(upstream);
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** An API as it is at {@code at}; ignored when a newer change of the same name was applied already. */
    void put(AgencyApi api, Instant at) {
        Optional<String> refusal = policy.refusal(api.upstream());
        if (refusal.isPresent()) {
            log.warn("Agency API {} is not served: upstream {} {}", api.key(), api.upstream(), refusal.get());
        }
        apply(api.key(), refusal.isPresent() ? null : api, at);
    }

    void remove(String agency, String name, Instant at) {
        apply(AgencyApi.key(agency, name), null, at);
    }

    private void apply(String key, AgencyApi api, Instant at) {
        entries.compute(key, (k, current) -> {
            if (current != null && current.at().isAfter(at)) {
                log.info("Ignored a change of agency API {} older than the one applied", key);
                return current;
            }
            log.info("Agency API {} {}", key, api == null ? "removed" : api.suspended() ? "suspended" : "served from " + api.upstream());
            return new Entry(api, at);
        });
    }
}
