package io.huduma.gateway.edge;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the edge accepts and whom it trusts.
 *
 * @param trustedProxies  addresses or CIDR blocks of proxies (the Ingress) whose {@code X-Forwarded-For} and
 *                        {@code X-Forwarded-Proto} are believed; from anyone else those headers are dropped
 * @param corsOrigins     web origins allowed to call the API from a browser (the web portal's among them)
 * @param maxBodySize     largest request body passed on (413 beyond; counted while streamed, chunked too)
 * @param maxUriLength    longest request target, path and query (414 beyond); Netty's own line limit is above it
 * @param maxHeaderSize   largest sum of request header names and values (431 beyond); Netty's own limit is above it
 */
@ConfigurationProperties("huduma.gateway.edge")
record EdgeProperties(
        @DefaultValue List<String> trustedProxies,
        @DefaultValue List<String> corsOrigins,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("8192") int maxUriLength,
        @DefaultValue("16384") int maxHeaderSize) {
}
