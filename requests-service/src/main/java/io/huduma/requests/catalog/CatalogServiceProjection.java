package io.huduma.requests.catalog;

import java.util.UUID;

import io.huduma.contracts.Topics;
import io.huduma.contracts.catalog.v1.ServicePublished;
import io.huduma.contracts.catalog.v1.ServiceRetired;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.platform.events.EventEnvelopes;
import io.huduma.platform.events.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code catalog_service}, this service's copy of the catalogue's published services,
 * from service-catalog's events. Idempotent: an event handled once is skipped when redelivered;
 * an older version never overwrites a newer one and a late publication never un-retires a service.
 */
@Component
class CatalogServiceProjection {

    private static final Logger log = LoggerFactory.getLogger(CatalogServiceProjection.class);
    private static final String CONSUMER = "requests-service.catalog-services";

    private final CatalogServiceRepository repository;
    private final ProcessedEvents processedEvents;

    CatalogServiceProjection(CatalogServiceRepository repository, ProcessedEvents processedEvents) {
        this.repository = repository;
        this.processedEvents = processedEvents;
    }

    @KafkaListener(topics = Topics.CATALOG_SERVICES)
    @Transactional
    void on(ConsumerRecord<String, EventEnvelope> record) {
        EventEnvelope event = record.value();
        if (!processedEvents.firstTime(CONSUMER, event.getId())) {
            log.debug("Event {} already handled", event.getId());
            return;
        }
        if (EventEnvelopes.is(event, ServicePublished.class)) {
            ServicePublished published = EventEnvelopes.unpack(event, ServicePublished.class);
            boolean applied = repository.published(UUID.fromString(published.getServiceId()), published.getVersion(),
                    published.getAgencyCode(), published.getName().getSw(), published.getName().getEn(),
                    event.getId(), event.getCorrelationId(), EventEnvelopes.time(event));
            if (!applied) {
                log.info("Ignored stale publication of service {} version {}", published.getServiceId(), published.getVersion());
            }
        } else if (EventEnvelopes.is(event, ServiceRetired.class)) {
            ServiceRetired retired = EventEnvelopes.unpack(event, ServiceRetired.class);
            repository.retired(UUID.fromString(retired.getServiceId()), retired.getLastVersion(), retired.getAgencyCode(),
                    retired.getName().getSw(), retired.getName().getEn(), event.getId(), event.getCorrelationId(),
                    EventEnvelopes.time(event));
        }
    }
}
