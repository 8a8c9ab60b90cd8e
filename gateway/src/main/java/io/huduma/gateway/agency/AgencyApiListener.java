package io.huduma.gateway.agency;

import io.huduma.contracts.Topics;
import io.huduma.contracts.catalog.v1.AgencyApiChanged;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.platform.events.EventEnvelopes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Applies the catalogue's {@code AgencyApiChanged} events to the live routes, without a restart. Every
 * gateway replica reads every event (a consumer group of its own, from the beginning of the topic); the
 * directory orders changes per name by their time, so replays and reordering are harmless.
 */
class AgencyApiListener {

    private final AgencyApiDirectory directory;

    AgencyApiListener(AgencyApiDirectory directory) {
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.CATALOG_AGENCY_APIS, groupId = "gateway-${random.uuid}")
    void on(ConsumerRecord<String, EventEnvelope> record) {
        EventEnvelope event = record.value();
        if (!EventEnvelopes.is(event, AgencyApiChanged.class)) {
            return;
        }
        AgencyApiChanged changed = EventEnvelopes.unpack(event, AgencyApiChanged.class);
        AgencyApi api = AgencyApiCatalogClient.toApi(changed.getApi());
        if (changed.getChange() == AgencyApiChanged.Change.CHANGE_REMOVED) {
            directory.remove(api.agency(), api.name(), EventEnvelopes.time(event));
        } else {
            directory.put(api, EventEnvelopes.time(event));
        }
    }
}
