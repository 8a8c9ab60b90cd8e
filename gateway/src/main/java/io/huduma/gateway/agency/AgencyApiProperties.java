package io.huduma.gateway.agency;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Agency APIs at the edge.
 *
 * @param allowedHosts         host names exempt from the public-address rule (the catalogue's list)
 * @param allowedLoopbackPorts loopback ports agency APIs may use (local-stack demos only; empty elsewhere)
 * @param loadRetry            how often the start-up load from service-catalog is retried until it succeeds
 */
@ConfigurationProperties("huduma.gateway.agency-apis")
record AgencyApiProperties(@DefaultValue List<String> allowedHosts, @DefaultValue List<Integer> allowedLoopbackPorts,
                           @DefaultValue("5s") Duration loadRetry) {
}
