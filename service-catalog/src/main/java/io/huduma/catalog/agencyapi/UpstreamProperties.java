package io.huduma.catalog.agencyapi;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where agency APIs may point. The address rules ({@link io.huduma.platform.net.UpstreamPolicy}) hold in every profile; only these
 * explicit allow-lists relax them.
 *
 * @param allowedHosts         host names exempt from the public-address rule (an agency's internal gateway,
 *                             named explicitly); still https
 * @param allowedLoopbackPorts ports on this machine's loopback an agency API may use (demos of the local
 *                             stack only; empty elsewhere)
 */
@ConfigurationProperties("huduma.catalog.upstreams")
record UpstreamProperties(@DefaultValue List<String> allowedHosts, @DefaultValue List<Integer> allowedLoopbackPorts) {
}
