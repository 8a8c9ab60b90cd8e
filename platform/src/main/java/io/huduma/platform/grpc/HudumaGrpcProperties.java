package io.huduma.platform.grpc;

import java.util.List;
import java.util.Map;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform gRPC settings ({@code huduma.grpc.*}).
 *
 * @param defaultDeadline deadline given to every outgoing call whose caller set none
 * @param discoveryRefreshInterval how often {@code discovery:///} targets re-read the registry even
 *        when no Eureka heartbeat arrives
 * @param allowedCallers per served method (full name or pattern, in brackets in YAML:
 *        {@code "[huduma.identity.v1.IdentityService/GetContact]": svc-notifications-service}), the
 *        service clients allowed to call it; once any is listed, unlisted methods are refused
 */
@ConfigurationProperties("huduma.grpc")
public record HudumaGrpcProperties(
        @DefaultValue("5s") Duration defaultDeadline,
        @DefaultValue("30s") Duration discoveryRefreshInterval,
        Map<String, List<String>> allowedCallers) {
}
