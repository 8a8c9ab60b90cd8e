package io.huduma.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the transactional outbox relay ({@code huduma.outbox.*}).
 *
 * @param relayEnabled whether this instance runs the relay at all (ShedLock still keeps it to one
 *        active instance per service)
 * @param pollInterval pause between two polls of {@code outbox_event}; commits also nudge the relay
 * @param batchSize rows read and sent per round trip
 * @param sendTimeout how long the relay waits for Kafka to acknowledge one batch
 * @param lockAtMostFor how long a crashed relay can keep its ShedLock before another instance takes over
 * @param retention how long published rows stay for audit before they are purged
 * @param purgeInterval how often the relay purges rows older than {@code retention}
 * @param processedRetention how long {@code processed_event} remembers a handled event id; longer than
 *        the longest possible redelivery (the topics' retention, {@code huduma.kafka.topics.retention})
 * @param maxAttempts how often one row may fail while the broker is reachable before it is parked
 *        (a row that can never be sent, e.g. too large or for a topic that does not exist)
 * @param retryBackoff pause before a failed row is tried again; doubles with each failure
 * @param retryMaxBackoff longest pause before a failed row is tried again
 * @param brokerBackoff first pause of the relay while the broker is unreachable; doubles up to
 *        {@code brokerMaxBackoff} (instead of a send attempt every poll)
 * @param brokerMaxBackoff longest pause of the relay while the broker is unreachable
 * @param health thresholds of the {@code outbox} health indicator
 */
@ConfigurationProperties("huduma.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("2m") Duration lockAtMostFor,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("30d") Duration processedRetention,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("5m") Duration retryMaxBackoff,
        @DefaultValue("1s") Duration brokerBackoff,
        @DefaultValue("30s") Duration brokerMaxBackoff,
        @DefaultValue Health health) {

    /**
     * When the {@code outbox} health indicator leaves {@code UP}.
     *
     * @param maxBacklog more unpublished (not parked) rows than this: {@code DOWN}
     * @param maxOldestAge the oldest unpublished (not parked) row older than this: {@code DOWN}
     * @param maxParked more parked rows than this: {@code OUT_OF_SERVICE} (an operator must look)
     */
    public record Health(
            @DefaultValue("10000") long maxBacklog,
            @DefaultValue("5m") Duration maxOldestAge,
            @DefaultValue("0") long maxParked) {
    }

    /** The pause before the next try of a row that has failed {@code attempts} times. */
    Duration retryDelay(int attempts) {
        return doubled(retryBackoff, retryMaxBackoff, attempts);
    }

    /** The relay's pause after {@code outages} polls in a row found the broker unreachable. */
    Duration brokerDelay(int outages) {
        return doubled(brokerBackoff, brokerMaxBackoff, outages);
    }

    private static Duration doubled(Duration first, Duration max, int times) {
        Duration delay = first;
        for (int i = 1; i < times && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
