package io.huduma.catalog.agencyapi;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where agency APIs may point.
 *
 * @param publicHttpsOnly on in the {@code production} profile: base URLs must be https and must not
 *                        resolve to loopback, link-local (cloud metadata), private or other internal
 *                        addresses, so the gateway cannot be turned against the platform's own network
 * @param allowedHosts    host names or IP literals exempt from the address rule (internal agency gateways)
 */
@ConfigurationProperties("huduma.catalog.upstreams")
record UpstreamProperties(@DefaultValue("false") boolean publicHttpsOnly, @DefaultValue List<String> allowedHosts) {
}
