package io.huduma.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Consumer error handling of the platform's Kafka listeners ({@code huduma.kafka.*}).
 *
 * @param retries how often a failed record is retried before it goes to the dead-letter topic
 * @param retryBackoff pause between retries
 * @param deadLetterSuffix appended to a topic's name to name its dead-letter topic
 */
@ConfigurationProperties("huduma.kafka")
public record KafkaEventsProperties(
        @DefaultValue("3") int retries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue(".dlt") String deadLetterSuffix) {
}
