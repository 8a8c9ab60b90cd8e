package io.huduma.identity.staff;

import io.huduma.contracts.Topics;
import io.huduma.contracts.catalog.v1.AgencyChanged;
import io.huduma.contracts.catalog.v1.AgencyStatus;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.platform.events.EventEnvelopes;
import io.huduma.platform.events.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Staff of a suspended agency are disabled, and re-enabled when it is reinstated (each event once). */
@Component
class AgencyChangedListener {

    private final ManagingStaff managing;
    private final ProcessedEvents processed;

    AgencyChangedListener(ManagingStaff managing, ProcessedEvents processed) {
        this.managing = managing;
        this.processed = processed;
    }

    @KafkaListener(topics = Topics.CATALOG_AGENCIES)
    @Transactional
    void on(ConsumerRecord<String, EventEnvelope> record) {
        EventEnvelope event = record.value();
        if (!EventEnvelopes.is(event, AgencyChanged.class) || !processed.firstTime("identity.agency-staff", event.getId())) {
            return;
        }
        AgencyChanged changed = EventEnvelopes.unpack(event, AgencyChanged.class);
        managing.agencyChanged(changed.getAgency().getCode(),
                changed.getAgency().getStatus() == AgencyStatus.AGENCY_STATUS_ACTIVE);
    }
}
