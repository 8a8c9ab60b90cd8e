package io.huduma.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.requests.v1.RequestSubmitted;
import io.huduma.platform.correlation.Correlation;

class EventEnvelopeSerdeTest {

    private final EventEnvelopeSerializer serializer = new EventEnvelopeSerializer();
    private final EventEnvelopeDeserializer deserializer = new EventEnvelopeDeserializer();
    private final EventEnvelope envelope = envelope();

    @Test
    void roundTripsTheEnvelopeAndCopiesItsMetadataIntoHeaders() {
        Headers headers = new RecordHeaders();

        byte[] bytes = serializer.serialize("huduma.requests.requests.v1", headers, envelope);

        assertThat(deserializer.deserialize("huduma.requests.requests.v1", bytes)).isEqualTo(envelope);
        assertThat(header(headers, "ce_id")).isEqualTo(envelope.getId());
        assertThat(header(headers, "ce_type")).isEqualTo("huduma.requests.v1.RequestSubmitted");
        assertThat(header(headers, "ce_source")).isEqualTo("requests-service");
        assertThat(header(headers, "ce_subject")).isEqualTo("r-7");
        assertThat(header(headers, "correlation_id")).isEqualTo("corr-7");
    }

    @Test
    void replacesHeadersOfAReSentRecordInsteadOfDuplicatingThem() {
        Headers headers = new RecordHeaders();
        serializer.serialize("t", headers, envelope);
        serializer.serialize("t.dlt", headers, envelope);

        assertThat(headers.headers("ce_id")).hasSize(1);
        assertThat(headers.headers("correlation_id")).hasSize(1);
    }

    @Test
    void rejectsBytesThatAreNoEnvelope() {
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] { (byte) 0xff, (byte) 0xff, 0x01 }))
                .isInstanceOf(SerializationException.class);
        // valid protobuf of another message parses leniently, but has no envelope id/type/data
        byte[] payloadOnly = RequestSubmitted.newBuilder().setRequestId("r-7").build().toByteArray();
        assertThatThrownBy(() -> deserializer.deserialize("t", payloadOnly))
                .isInstanceOf(SerializationException.class);
        assertThat(deserializer.deserialize("t", null)).isNull();
    }

    @Test
    void thePlatformsProducerSerializerTakesEnvelopesAndRawBytesForDeadLetters() {
        DelegatingByTypeSerializer values = new DelegatingByTypeSerializer(Map.of(
                EventEnvelope.class, serializer, byte[].class, new ByteArraySerializer()));
        Headers headers = new RecordHeaders();

        assertThat(values.serialize("t", headers, envelope)).isEqualTo(envelope.toByteArray());
        assertThat(header(headers, "ce_id")).isEqualTo(envelope.getId());
        assertThat(values.serialize("t.dlt", new RecordHeaders(), new byte[] { 1, 2 })).containsExactly(1, 2);
    }

    @Test
    void consumerSideCorrelationComesFromTheEnvelopeOrElseTheHeader() {
        ConsumerRecord<Object, Object> withEnvelope = new ConsumerRecord<>("t", 0, 0, "r-7", envelope);
        assertThat(CorrelationRecordInterceptor.correlationId(withEnvelope)).isEqualTo("corr-7");

        ConsumerRecord<Object, Object> undeserialized = new ConsumerRecord<>("t", 0, 1, "r-7", null);
        undeserialized.headers().add("correlation_id", "corr-8".getBytes(StandardCharsets.UTF_8));
        assertThat(CorrelationRecordInterceptor.correlationId(undeserialized)).isEqualTo("corr-8");
    }

    @Test
    void recordInterceptorHoldsTheCorrelationIdOnlyWhileTheRecordIsHandled() {
        CorrelationRecordInterceptor interceptor = new CorrelationRecordInterceptor();
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("t", 0, 0, "r-7", envelope);

        interceptor.intercept(record, null);
        assertThat(Correlation.current()).isEqualTo("corr-7");
        interceptor.afterRecord(record, null);
        assertThat(Correlation.current()).isNull();
    }

    private static EventEnvelope envelope() {
        try (Correlation.Scope scope = Correlation.open("corr-7")) {
            return EventEnvelopes.wrap("requests-service", "r-7", "brela",
                    RequestSubmitted.newBuilder().setRequestId("r-7").setTrackingNumber("HUD-1").build());
        }
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
