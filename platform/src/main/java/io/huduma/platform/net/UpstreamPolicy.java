package io.huduma.platform.net;

import java.net.IDN;
import java.net.Inet4Address;
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
 * Decides whether an agency API may forward to an upstream, in every profile: the one set of rules the
 * catalogue applies at registration and the gateway again when an API arrives, on every call and (through
 * {@link #isPublic}) at connect time. {@code lb://<eureka-id>}: an agency's own service registered with the platform's discovery, never
 * a platform module (the gateway also requires the instances to carry {@code agency=<code>}). Otherwise an
 * absolute {@code https} base URL without credentials, query or fragment, whose host resolves only to public
 * addresses: no loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast, reserved, or an
 * IPv6 form that embeds an IPv4 address (mapped, compatible, translated, NAT64, 6to4, Teredo). Two explicit
 * allow-lists relax it: {@code allowedHosts} (an agency's internal gateway, by name) and
 * {@code allowedLoopbackPorts} (demo upstreams on this machine, http or https, on those ports only).
 */
public final class UpstreamPolicy {

    private static final Pattern EUREKA_ID = Pattern.compile("^lb://[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$");
    /** The platform's own modules: never an agency's upstream. */
    public static final Set<String> PLATFORM_MODULES = Set.of("gateway", "identity", "service-catalog", "requests-service",
            "notifications-service", "discovery", "web-portal", "ussd-service");
    private static final Set<String> INTERNAL_NAMES = Set.of("localhost", "metadata.google.internal", "metadata",
            "instance-data", "kubernetes", "kubernetes.default");

    private final Set<String> allowedHosts;
    private final Set<Integer> allowedLoopbackPorts;
    private final Function<String, InetAddress[]> resolver;

    /**
     * @param resolver a host's addresses (empty when it does not resolve); {@link #of} uses the system's DNS
     */
    public UpstreamPolicy(List<String> allowedHosts, List<Integer> allowedLoopbackPorts, Function<String, InetAddress[]> resolver) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.allowedLoopbackPorts = Set.copyOf(allowedLoopbackPorts);
        this.resolver = resolver;
    }

    /** The policy with the two allow-lists, resolving hosts with the system's DNS. */
    public static UpstreamPolicy of(List<String> allowedHosts, List<Integer> allowedLoopbackPorts) {
        return new UpstreamPolicy(allowedHosts, allowedLoopbackPorts, host -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                return new InetAddress[0];
            }
        });
    }

    /** Why the upstream is refused, or empty when it is allowed. */
    public Optional<String> refusal(String upstream) {
        if (upstream == null || upstream.isBlank()) {
            return Optional.of("must not be blank");
        }
        String trimmed = upstream.trim();
        if (trimmed.startsWith("lb://")) {
            if (!EUREKA_ID.matcher(trimmed).matches()) {
                return Optional.of("lb:// must be followed by a service id (lower-case letters, digits, dashes)");
            }
            return PLATFORM_MODULES.contains(trimmed.substring(5))
                    ? Optional.of("must not be one of the platform's own modules") : Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be lb://<service-id> or an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("must be a base URL with a host and no credentials, query or fragment");
        }
        String host = IDN.toASCII(stripBrackets(uri.getHost())).toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (isLoopbackName(host) && allowedLoopbackPorts.contains(port)) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("must use https");
        }
        if (allowedHosts.contains(host)) {
            return Optional.empty();
        }
        if (INTERNAL_NAMES.contains(host) || host.endsWith(".localhost") || host.endsWith(".internal")
                || host.endsWith(".local") || host.endsWith(".svc") || host.contains(".svc.")) {
            return Optional.of("must not point to an internal host");
        }
        InetAddress[] addresses = resolver.apply(host);
        if (addresses.length == 0) {
            return Optional.of("host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("resolves to " + address.getHostAddress() + ", which is not a public address "
                        + "(loopback, private, link-local, multicast, reserved or an IPv6 form of one)");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code host:port} is on the loopback demo allow-list (the connect-time check lets it through). */
    public boolean isAllowedLoopback(String host, int port) {
        return isLoopbackName(host) && allowedLoopbackPorts.contains(port);
    }

    /** Whether the host is on the explicit allow-list of internal hosts. */
    public boolean isAllowedHost(String host) {
        return allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    private boolean isLoopbackName(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false;
        }
        InetAddress[] addresses = resolver.apply(host);
        return addresses.length > 0 && java.util.Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** True only for a globally routable unicast address, IPv6 forms that embed an IPv4 address judged by that address. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return isPublic6(b);
        }
        return address instanceof Inet4Address && isPublic4(b);
    }

    private static boolean isPublic4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return !(first == 0                                        // this network
                || first == 10 || first == 127                     // private, loopback
                || first == 169 && second == 254                   // link-local, cloud metadata
                || first == 172 && second >= 16 && second < 32     // private
                || first == 192 && second == 168                   // private
                || first == 100 && second >= 64 && second < 128    // carrier-grade NAT 100.64/10
                || first == 192 && second == 0 && third == 0       // IETF protocol assignments
                || first == 192 && second == 0 && third == 2       // documentation
                || first == 198 && second == 51 && third == 100    // documentation
                || first == 203 && second == 0 && third == 113     // documentation
                || first == 192 && second == 88 && third == 99     // 6to4 relay anycast
                || first == 198 && (second == 18 || second == 19)  // benchmarking
                || first >= 224);                                  // multicast, reserved, broadcast
    }

    private static boolean isPublic6(byte[] b) {
        int w0 = word(b, 0);
        int w1 = word(b, 2);
        if ((b[0] & 0xfe) == 0xfc || (b[0] & 0xff) == 0xff || w0 == 0xfe80 || (w0 & 0xffc0) == 0xfec0) {
            return false;                                          // unique local, multicast, link-local, site-local
        }
        if (allZero(b, 0, 10) && (word(b, 10) == 0xffff || word(b, 10) == 0)) {
            return isPublic4(v4(b, 12));                           // ::ffff:a.b.c.d mapped, ::a.b.c.d compatible
        }
        if (allZero(b, 0, 8) && word(b, 8) == 0xffff && word(b, 10) == 0) {
            return isPublic4(v4(b, 12));                           // ::ffff:0:a.b.c.d translated
        }
        if (w0 == 0x0064 && w1 == 0xff9b) {
            return false;                                          // NAT64 64:ff9b::/96 and 64:ff9b:1::/48 embed IPv4: refused
        }
        if (w0 == 0x2002) {
            return false;                                          // 6to4 2002::/16 embeds an IPv4 address: refused
        }
        if (w0 == 0x2001 && w1 == 0x0000) {
            return false;                                          // Teredo 2001::/32 embeds IPv4 addresses: refused
        }
        if (w0 == 0x2001 && w1 == 0x0db8 || w0 == 0x0100 && allZero(b, 2, 8) || allZero(b, 0, 16)) {
            return false;                                          // documentation, discard-only, unspecified
        }
        return (b[0] & 0xe0) == 0x20;                              // global unicast 2000::/3 only
    }

    private static int word(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] v4(byte[] b, int at) {
        return new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]};
    }
}
