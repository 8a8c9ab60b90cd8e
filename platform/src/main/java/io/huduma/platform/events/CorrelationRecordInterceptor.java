package io.huduma.platform.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.RecordInterceptor;

import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.platform.correlation.Correlation;

/**
 * Puts the consumed event's correlation id into the MDC while the listener handles it, so its
 * logs, the events it appends and the gRPC calls it makes carry the id of the original request.
 */
final class CorrelationRecordInterceptor implements RecordInterceptor<Object, Object> {

    private final ThreadLocal<Correlation.Scope> scope = new ThreadLocal<>();

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        close();
        scope.set(Correlation.open(Correlation.sanitize(correlationId(record))));
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        close();
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        close();
    }

    private void close() {
        Correlation.Scope open = scope.get();
        if (open != null) {
            scope.remove();
            open.close();
        }
    }

    static String correlationId(ConsumerRecord<?, ?> record) {
        if (record.value() instanceof EventEnvelope envelope && !envelope.getCorrelationId().isEmpty()) {
            return envelope.getCorrelationId();
        }
        Header header = record.headers().lastHeader(EventHeaders.CORRELATION_ID);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
