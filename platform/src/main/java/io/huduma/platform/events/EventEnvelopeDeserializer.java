package io.huduma.platform.events;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import com.google.protobuf.InvalidProtocolBufferException;

import io.huduma.contracts.common.v1.EventEnvelope;

/**
 * Kafka deserializer for {@link EventEnvelope}. The platform wraps it in Spring Kafka's
 * {@code ErrorHandlingDeserializer}, so unreadable bytes reach the dead-letter topic instead
 * of blocking the partition.
 */
public class EventEnvelopeDeserializer implements Deserializer<EventEnvelope> {

    @Override
    public EventEnvelope deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.parseFrom(data);
        } catch (InvalidProtocolBufferException e) {
            throw new SerializationException("Record on " + topic + " is not a huduma.common.v1.EventEnvelope", e);
        }
        // protobuf parses many foreign byte strings without complaint; an envelope has at least these
        if (envelope.getId().isEmpty() || envelope.getType().isEmpty() || !envelope.hasData()) {
            throw new SerializationException("Record on " + topic + " is not an event envelope (no id, type or data)");
        }
        return envelope;
    }
}
