package io.huduma.requests.sla;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SLA breach check ({@code huduma.requests.sla.*}) and the purge of old submission keys
 * ({@code huduma.requests.submission-keys.retention}, at least 24 hours).
 */
@ConfigurationProperties("huduma.requests.sla")
record SlaProperties(Boolean enabled, Duration checkInterval, Duration lockAtMostFor) {

    SlaProperties {
        enabled = enabled == null || enabled;
        checkInterval = checkInterval == null ? Duration.ofMinutes(5) : checkInterval;
        lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(10) : lockAtMostFor;
    }
}
