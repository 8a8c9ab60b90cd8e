package io.huduma.requests.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Calls to service-catalog ({@code huduma.requests.catalog.*}); its address is spring-grpc's
 * {@code spring.grpc.client.channels.service-catalog.address}.
 *
 * @param deadline        deadline of one {@code GetServiceVersion} call
 * @param breakerWindow   calls the circuit breaker judges the failure rate on
 * @param breakerOpenFor  how long it refuses calls once open
 * @param cachedVersions  service versions kept in memory (versions never change, so they never go stale)
 */
@ConfigurationProperties("huduma.requests.catalog")
record CatalogProperties(Duration deadline, Integer breakerWindow, Duration breakerOpenFor, Integer cachedVersions) {

    CatalogProperties {
        deadline = deadline == null ? Duration.ofSeconds(3) : deadline;
        breakerWindow = breakerWindow == null ? 10 : breakerWindow;
        breakerOpenFor = breakerOpenFor == null ? Duration.ofSeconds(30) : breakerOpenFor;
        cachedVersions = cachedVersions == null ? 1000 : cachedVersions;
    }
}
