package io.huduma.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.huduma.contracts.catalog.v1.AgencyChanged;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.requests.v1.RequestSubmitted;
import io.huduma.platform.correlation.Correlation;

class EventEnvelopesTest {

    private final RequestSubmitted submitted = RequestSubmitted.newBuilder().setRequestId("r-1").build();

    @Test
    void wrapsPayloadWithCloudEventsMetadataAndTheCurrentCorrelationId() {
        Instant now = Instant.parse("2026-03-01T08:15:30.123456789Z");
        EventEnvelope envelope;
        try (Correlation.Scope scope = Correlation.open("corr-42")) {
            envelope = EventEnvelopes.wrap("requests-service", "r-1", "brela", submitted,
                    Clock.fixed(now, ZoneOffset.UTC));
        }

        assertThat(UUID.fromString(envelope.getId())).isNotNull();
        assertThat(envelope.getType()).isEqualTo("huduma.requests.v1.RequestSubmitted");
        assertThat(envelope.getSource()).isEqualTo("requests-service");
        assertThat(envelope.getSubject()).isEqualTo("r-1");
        assertThat(envelope.getAgency()).isEqualTo("brela");
        assertThat(envelope.getCorrelationId()).isEqualTo("corr-42");
        assertThat(EventEnvelopes.time(envelope)).isEqualTo(now);
        assertThat(EventEnvelopes.unpack(envelope, RequestSubmitted.class)).isEqualTo(submitted);
    }

    @Test
    void makesACorrelationIdWhenNoneIsCurrentAndLeavesAgencyEmptyForPlatformWideFacts() {
        EventEnvelope envelope = EventEnvelopes.wrap("identity", "user-1", null, submitted);

        assertThat(envelope.getCorrelationId()).isNotBlank();
        assertThat(envelope.getAgency()).isEmpty();
        assertThat(envelope.getId()).isNotEqualTo(EventEnvelopes.wrap("identity", "user-1", null, submitted).getId());
    }

    @Test
    void refusesToUnpackAnotherType() {
        EventEnvelope envelope = EventEnvelopes.wrap("requests-service", "r-1", "brela", submitted);

        assertThat(EventEnvelopes.is(envelope, RequestSubmitted.class)).isTrue();
        assertThat(EventEnvelopes.is(envelope, AgencyChanged.class)).isFalse();
        assertThatThrownBy(() -> EventEnvelopes.unpack(envelope, AgencyChanged.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("huduma.requests.v1.RequestSubmitted");
    }

    @Test
    void requiresSourceAndSubject() {
        assertThatThrownBy(() -> EventEnvelopes.wrap("requests-service", " ", "brela", submitted))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> EventEnvelopes.wrap(null, "r-1", "brela", submitted))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
    }
}
