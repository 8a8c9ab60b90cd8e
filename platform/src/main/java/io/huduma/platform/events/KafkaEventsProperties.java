package io.huduma.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Consumer error handling and topic declaration of the platform's Kafka listeners and producers
 * ({@code huduma.kafka.*}).
 *
 * @param retries how often a failing record is retried before it goes to the dead-letter topic; with
 *        the default back-off (1 s doubling to 60 s) 12 retries span about seven minutes, so a
 *        database or a downstream service that is away for minutes loses nothing
 * @param retryBackoff the first pause between retries; each next pause doubles
 * @param retryMaxBackoff the longest pause between two retries (below the consumer's poll interval)
 * @param deadLetterSuffix appended to a topic's name to name its dead-letter topic
 * @param topics how the platform declares every topic of {@code contracts} and its dead-letter topic
 */
@ConfigurationProperties("huduma.kafka")
public record KafkaEventsProperties(
        @DefaultValue("12") int retries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("60s") Duration retryMaxBackoff,
        @DefaultValue(".dlt") String deadLetterSuffix,
        @DefaultValue Topics topics) {

    /**
     * @param declare whether a service creates missing topics at start (a cluster with
     *        auto-creation off then still works); existing topics are never changed
     * @param partitions partitions of each topic (order holds per key within one)
     * @param replicationFactor copies of each partition (3 on a production cluster)
     * @param retention how long the broker keeps records; also bounds how late a redelivery can come
     */
    public record Topics(
            @DefaultValue("true") boolean declare,
            @DefaultValue("3") int partitions,
            @DefaultValue("1") short replicationFactor,
            @DefaultValue("7d") Duration retention) {
    }
}
