package io.huduma.notifications.contact;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Calls to identity, the catalogue and requests-service (inbound SMS status lookups).
 *
 * @param deadline        of each call
 * @param attempts        calls per lookup when the answer is a transient error (UNAVAILABLE, DEADLINE_EXCEEDED...)
 * @param retryWait       first pause between them (doubles each time)
 * @param breakerWindow   calls the circuit breaker looks at
 * @param breakerOpenFor  how long it fails fast before trying again
 */
@ConfigurationProperties("huduma.notifications.recipients")
public record ContactProperties(Duration deadline, Integer attempts, Duration retryWait, Integer breakerWindow,
                         Duration breakerOpenFor) {

    public ContactProperties {
        deadline = deadline == null ? Duration.ofSeconds(2) : deadline;
        attempts = attempts == null ? 3 : attempts;
        retryWait = retryWait == null ? Duration.ofMillis(200) : retryWait;
        breakerWindow = breakerWindow == null ? 10 : breakerWindow;
        breakerOpenFor = breakerOpenFor == null ? Duration.ofSeconds(30) : breakerOpenFor;
    }
}
