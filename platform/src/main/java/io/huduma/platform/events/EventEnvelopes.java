package io.huduma.platform.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;

import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.platform.correlation.Correlation;

/** Builds and opens {@link EventEnvelope}s, the value of every Kafka record on the platform. */
public final class EventEnvelopes {

    private EventEnvelopes() {
    }

    /**
     * A new envelope around {@code payload}: a fresh UUID, {@code type} = the payload's full
     * protobuf name, the current correlation id (or a new one), the time now.
     *
     * @param source the producing module ({@code spring.application.name})
     * @param subject the aggregate the fact is about (also the record key)
     * @param agency the agency code, or null/blank for platform-wide facts
     */
    public static EventEnvelope wrap(String source, String subject, String agency, Message payload) {
        return wrap(source, subject, agency, payload, Clock.systemUTC());
    }

    static EventEnvelope wrap(String source, String subject, String agency, Message payload, Clock clock) {
        requireText(source, "source");
        requireText(subject, "subject");
        Objects.requireNonNull(payload, "payload");
        Instant now = clock.instant();
        return EventEnvelope.newBuilder()
                .setId(UUID.randomUUID().toString())
                .setType(payload.getDescriptorForType().getFullName())
                .setSource(source)
                .setTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setSubject(subject)
                .setCorrelationId(Correlation.currentOrNew())
                .setAgency(agency == null ? "" : agency)
                .setData(Any.pack(payload))
                .build();
    }

    /** Whether the envelope carries a payload of this type. */
    public static boolean is(EventEnvelope envelope, Class<? extends Message> type) {
        return envelope.getData().is(type);
    }

    /**
     * The payload as {@code type}.
     *
     * @throws IllegalArgumentException when the envelope holds another type or unreadable bytes
     *         (not retryable: the platform's Kafka error handler sends such records to the DLT at once)
     */
    public static <T extends Message> T unpack(EventEnvelope envelope, Class<T> type) {
        if (!envelope.getData().is(type)) {
            throw new IllegalArgumentException("Event " + envelope.getId() + " holds " + envelope.getType()
                    + ", not " + type.getName());
        }
        try {
            return envelope.getData().unpack(type);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Event " + envelope.getId() + " has an unreadable "
                    + envelope.getType() + " payload", e);
        }
    }

    /** When the fact happened. */
    public static Instant time(EventEnvelope envelope) {
        return Instant.ofEpochSecond(envelope.getTime().getSeconds(), envelope.getTime().getNanos());
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
