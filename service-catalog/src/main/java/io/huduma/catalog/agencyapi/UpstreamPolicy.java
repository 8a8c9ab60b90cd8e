package io.huduma.catalog.agencyapi;

import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides whether an agency API may forward to an upstream. {@code lb://<eureka-id>} (a service
 * registered with the platform's discovery) is always allowed. A base URL must be absolute http(s)
 * without credentials, query or fragment; with {@code publicHttpsOnly} it must also be https and
 * every address its host resolves to must be public, unless the host is allow-listed.
 */
final class UpstreamPolicy {

    private static final Pattern EUREKA_ID = Pattern.compile("^lb://[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$");
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata", "instance-data");

    private final boolean publicHttpsOnly;
    private final Set<String> allowedHosts;
    private final Function<String, InetAddress[]> resolver;

    UpstreamPolicy(boolean publicHttpsOnly, List<String> allowedHosts, Function<String, InetAddress[]> resolver) {
        this.publicHttpsOnly = publicHttpsOnly;
        this.allowedHosts = allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.resolver = resolver;
    }

    static UpstreamPolicy of(UpstreamProperties properties) {
        return new UpstreamPolicy(properties.publicHttpsOnly(), properties.allowedHosts(), host -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                return new InetAddress[0];
            }
        });
    }

    /** Why the upstream is refused, or empty when it is allowed. */
    Optional<String> refusal(String upstream) {
        if (upstream == null || upstream.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (upstream.startsWith("lb://")) {
            return EUREKA_ID.matcher(upstream).matches() ? Optional.empty()
                    : Optional.of("lb:// must be followed by a service id (lower-case letters, digits, dashes)");
        }
        URI uri;
        try {
            uri = new URI(upstream);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be lb://<service-id> or an http(s) URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("must be a base URL with a host and no credentials, query or fragment");
        }
        if (!publicHttpsOnly) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("must use https");
        }
        String host = IDN.toASCII(stripBrackets(uri.getHost())).toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(host)) {
            return Optional.empty();
        }
        if (METADATA_HOSTS.contains(host) || host.equals("localhost") || host.endsWith(".localhost")
                || host.endsWith(".internal") || host.endsWith(".local")) {
            return Optional.of("must not point to an internal host");
        }
        InetAddress[] addresses = resolver.apply(host);
        if (addresses.length == 0) {
            return Optional.of("host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("resolves to " + address.getHostAddress()
                        + ", which is not a public address (loopback, private, link-local or metadata)");
            }
        }
        return Optional.empty();
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            // unique local fc00::/7, and IPv4-mapped/compatible forms of internal IPv4 addresses
            if ((b[0] & 0xfe) == 0xfc) {
                return false;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
            return true;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(first == 0                                   // this network
                || first == 100 && second >= 64 && second < 128 // carrier-grade NAT 100.64/10
                || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                || first == 198 && (second == 18 || second == 19) // benchmarking
                || first >= 240);                             // reserved and broadcast
    }
}
