package io.huduma.platform.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import com.google.protobuf.InvalidProtocolBufferException;

import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;

/**
 * Kafka defaults of every service: String keys and {@link EventEnvelope} values both ways, an
 * idempotent producer with {@code acks=all}, the correlation id in the MDC while a listener runs,
 * retries with exponential back-off then a dead-letter topic ({@code <topic>.dlt}) for records a
 * listener cannot handle, and every topic of the platform declared at start.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(KafkaEventsProperties.class)
public final class KafkaEventsAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer eventEnvelopeProducerDefaults() {
        return factory -> {
            @SuppressWarnings("unchecked")
            DefaultKafkaProducerFactory<Object, Object> producers = (DefaultKafkaProducerFactory<Object, Object>) factory;
            producers.setKeySerializerSupplier(() -> cast(new StringSerializer()));
            // byte[] too: the dead-letter publisher forwards undeserializable records as they came
            producers.setValueSerializerSupplier(() -> new DelegatingByTypeSerializer(Map.of(
                    EventEnvelope.class, new EventEnvelopeSerializer(),
                    byte[].class, new ByteArraySerializer())));
            Map<String, Object> configs = new HashMap<>();
            // not overridable: per-aggregate order and no duplicates from producer retries depend on them
            configs.put(ProducerConfig.ACKS_CONFIG, "all");
            configs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            // an unreachable broker must surface to the outbox relay in seconds, not minutes
            Map<String, Object> current = producers.getConfigurationProperties();
            defaultTo(current, configs, ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            defaultTo(current, configs, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            defaultTo(current, configs, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000);
            producers.updateConfigs(configs);
        };
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer eventEnvelopeConsumerDefaults() {
        return factory -> {
            @SuppressWarnings("unchecked")
            DefaultKafkaConsumerFactory<Object, Object> consumers = (DefaultKafkaConsumerFactory<Object, Object>) factory;
            consumers.setKeyDeserializerSupplier(() -> cast(new StringDeserializer()));
            consumers.setValueDeserializerSupplier(
                    () -> cast(new ErrorHandlingDeserializer<>(new EventEnvelopeDeserializer())));
            Map<String, Object> configs = new HashMap<>();
            // a new consumer group reads facts published before it first started
            defaultTo(consumers.getConfigurationProperties(), configs, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest");
            consumers.updateConfigs(configs);
        };
    }

    @Bean
    @ConditionalOnMissingBean(RecordInterceptor.class)
    RecordInterceptor<Object, Object> correlationRecordInterceptor() {
        return new CorrelationRecordInterceptor();
    }

    /**
     * Retries a failing record with exponential back-off (a database restart or a downstream outage of
     * minutes is waited out, the partition's order kept), then publishes it to {@code <topic>.dlt} (any
     * partition) and moves on. Records that can never succeed skip the retries and go to the
     * dead-letter topic at once: bytes that are no envelope, an envelope that cannot be unpacked
     * ({@link IllegalArgumentException}, {@link InvalidProtocolBufferException}).
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafka, KafkaEventsProperties properties) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(record.topic() + properties.deadLetterSuffix(), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff(properties));
        handler.addNotRetryableExceptions(IllegalArgumentException.class, InvalidProtocolBufferException.class);
        return handler;
    }

    static ExponentialBackOffWithMaxRetries backOff(KafkaEventsProperties properties) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
        backOff.setInitialInterval(properties.retryBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(Math.max(properties.retryBackoff().toMillis(), properties.retryMaxBackoff().toMillis()));
        return backOff;
    }

    /**
     * Every topic of the platform ({@link Topics#ALL}) and its dead-letter topic, created at start when
     * missing (a cluster with auto-creation off works; on Kubernetes the Strimzi {@code KafkaTopic}
     * resources declare the same). Existing topics are left as they are.
     */
    @Bean
    @ConditionalOnProperty(name = "huduma.kafka.topics.declare", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics hudumaTopics(KafkaEventsProperties properties) {
        KafkaEventsProperties.Topics topics = properties.topics();
        List<NewTopic> declared = new ArrayList<>();
        for (String topic : Topics.ALL) {
            for (String name : List.of(topic, topic + properties.deadLetterSuffix())) {
                declared.add(TopicBuilder.name(name)
                        .partitions(topics.partitions())
                        .replicas(topics.replicationFactor())
                        .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topics.retention().toMillis()))
                        .build());
            }
        }
        return new KafkaAdmin.NewTopics(declared.toArray(NewTopic[]::new));
    }

    private static void defaultTo(Map<String, Object> current, Map<String, Object> configs, String key, Object value) {
        if (!current.containsKey(key)) {
            configs.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Serializer<T> cast(Serializer<?> serializer) {
        return (Serializer<T>) serializer;
    }

    @SuppressWarnings("unchecked")
    private static <T> Deserializer<T> cast(Deserializer<?> deserializer) {
        return (Deserializer<T>) deserializer;
    }
}
