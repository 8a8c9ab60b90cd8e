package io.huduma.platform.events;

import io.huduma.platform.correlation.Correlation;

/**
 * Kafka record headers the platform sets beside every envelope (CloudEvents Kafka binding
 * names), so tools and routers can read the metadata without parsing the protobuf value.
 */
public final class EventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String CORRELATION_ID = Correlation.KAFKA_HEADER;

    private EventHeaders() {
    }
}
