package io.huduma.gateway.agency;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A name's addresses as the system's resolver (DNS, hosts file) answers at the moment the gateway connects
 * to an agency's upstream. The gateway uses {@link InetAddress#getAllByName}; a test may declare a bean of
 * its own to play a DNS server that changes its answer (rebinding).
 */
@FunctionalInterface
public interface UpstreamLookup {

    InetAddress[] addresses(String host) throws UnknownHostException;
}
