package io.huduma.notifications;

import com.google.protobuf.Message;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.platform.events.EventEnvelopes;
import io.huduma.testkit.TopicEvents;

/** Facts put on the shared broker as their owners publish them: an envelope built by the platform, keyed by subject. */
final class Events {

    private Events() {
    }

    /** Wraps {@code payload} as {@code source} would and publishes it; returns the envelope. */
    static EventEnvelope publish(String topic, String source, String subject, String agency, Message payload) {
        EventEnvelope envelope = EventEnvelopes.wrap(source, subject, agency, payload);
        TopicEvents.publish(topic, envelope);
        return envelope;
    }
}
