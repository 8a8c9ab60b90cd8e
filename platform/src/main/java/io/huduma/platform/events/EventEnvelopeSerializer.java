package io.huduma.platform.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import io.huduma.contracts.common.v1.EventEnvelope;

/**
 * Kafka serializer for {@link EventEnvelope}: the protobuf bytes as the value, and the
 * envelope's id, type, source, subject and correlation id copied into record headers.
 */
public class EventEnvelopeSerializer implements Serializer<EventEnvelope> {

    @Override
    public byte[] serialize(String topic, EventEnvelope data) {
        return data == null ? null : data.toByteArray();
    }

    @Override
    public byte[] serialize(String topic, Headers headers, EventEnvelope data) {
        if (data != null && headers != null) {
            // replace rather than add: a record re-sent to a dead-letter topic keeps its old headers
            put(headers, EventHeaders.ID, data.getId());
            put(headers, EventHeaders.TYPE, data.getType());
            put(headers, EventHeaders.SOURCE, data.getSource());
            put(headers, EventHeaders.SUBJECT, data.getSubject());
            put(headers, EventHeaders.CORRELATION_ID, data.getCorrelationId());
        }
        return serialize(topic, data);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        if (value != null && !value.isEmpty()) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
