package io.huduma.notifications.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retries and the dispatcher.
 *
 * @param maxAttempts    attempts before a delivery is FAILED and dead-lettered
 * @param initialBackoff wait after the first failed attempt; multiplied by {@code multiplier} after each
 * @param maxBackoff     longest wait between attempts
 * @param pollInterval   how often the dispatcher looks for due messages when nothing woke it
 * @param batchSize      deliveries claimed at once
 * @param lease          how long a claimed delivery is held by one instance (a crashed one's are taken over)
 * @param workers        messages sent in parallel (provider rate limits still apply); an SMPP session keeps this many
 *                       submissions in flight, so at 200 SMS/s against an SMSC answering in 50-100 ms it needs 10-20
 * @param receiptWait    how long a receipt that arrives before its delivery is marked SENT is retried
 */
@ConfigurationProperties("huduma.notifications.delivery")
record DeliveryProperties(Integer maxAttempts, Duration initialBackoff, Double multiplier, Duration maxBackoff,
                          Duration pollInterval, Integer batchSize, Duration lease, Integer workers,
                          Duration receiptWait) {

    DeliveryProperties {
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(5) : initialBackoff;
        multiplier = multiplier == null ? 3.0 : multiplier;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        batchSize = batchSize == null ? 50 : batchSize;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        workers = workers == null ? 32 : workers;
        receiptWait = receiptWait == null ? Duration.ofSeconds(10) : receiptWait;
    }

    /** Wait before attempt number {@code attempts + 1}. */
    Duration backoff(int attempts) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1));
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }
}
