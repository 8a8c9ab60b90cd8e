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
        @DefaultValue("30d") Duration processedRetention) {
}
