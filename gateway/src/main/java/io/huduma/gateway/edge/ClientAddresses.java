package io.huduma.gateway.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the client is on the network: the peer address, unless the peer is a trusted proxy, in which
 * case the right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy.
 */
final class ClientAddresses {

    private final List<Block> trusted;

    ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Block::parse).toList();
    }

    boolean isTrusted(String address) {
        return address != null && trusted.stream().anyMatch(m -> matches(m, address));
    }

    /** The client address for a request from {@code peer} carrying {@code forwardedFor} (may be null). */
    String client(InetSocketAddress peer, List<String> forwardedFor) {
        String address = peer == null ? "unknown" : peerAddress(peer);
        if (!isTrusted(address) || forwardedFor == null || forwardedFor.isEmpty()) {
            return address;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isLiteral(hop)) {
                return address;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
            address = hop;
        }
        return address;
    }

    private static String peerAddress(InetSocketAddress peer) {
        InetAddress address = peer.getAddress();
        return address == null ? peer.getHostString() : address.getHostAddress();
    }

    private static boolean matches(Block block, String address) {
        return isLiteral(address) && block.contains(address);
    }

    /** An address block in CIDR notation (a bare address is a block of one). */
    private record Block(byte[] network, int prefix) {

        static Block parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            if (!isLiteral(parts[0])) {
                throw new IllegalArgumentException("Trusted proxies are IP addresses or CIDR blocks, not " + cidr);
            }
            byte[] network = bytes(parts[0]);
            return new Block(network, parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8);
        }

        boolean contains(String address) {
            byte[] candidate = bytes(address);
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private static byte[] bytes(String literal) {
            try {
                return InetAddress.getByName(literal).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Not an IP address: " + literal, e);
            }
        }
    }

    /** An IPv4 or IPv6 literal (never resolved: a forwarded name is not an address). */
    private static boolean isLiteral(String value) {
        return value.matches("[0-9.]{7,15}") || value.matches("[0-9a-fA-F:.]{2,45}") && value.contains(":");
    }
}
