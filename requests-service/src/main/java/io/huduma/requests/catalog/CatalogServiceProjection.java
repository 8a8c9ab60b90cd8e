package io.huduma.requests.catalog;

import java.sql.Timestamp;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code catalog_service}, this service's copy of the catalogue's published services,
 * from service-catalog's events. Idempotent: an event handled once is skipped when redelivered;
 * an older version never overwrites a newer one.
 */
@Component
class CatalogServiceProjection {

    private static final Logger log = LoggerFactory.getLogger(CatalogServiceProjection.class);
    private static final String CONSUMER = "requests-service.catalog-services";

    private final JdbcTemplate jdbc;
    private final ProcessedEvents processedEvents;

    CatalogServiceProjection(JdbcTemplate jdbc, ProcessedEvents processedEvents) {
        this.jdbc = jdbc;
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
        Timestamp time = Timestamp.from(EventEnvelopes.time(event));
        if (EventEnvelopes.is(event, ServicePublished.class)) {
            ServicePublished published = EventEnvelopes.unpack(event, ServicePublished.class);
            jdbc.update("""
                    INSERT INTO catalog_service (service_id, agency_code, latest_version, name_sw, name_en, status,
                                                 last_event_id, correlation_id, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?)
                    ON CONFLICT (service_id) DO UPDATE SET
                        agency_code = excluded.agency_code, latest_version = excluded.latest_version,
                        name_sw = excluded.name_sw, name_en = excluded.name_en, status = 'PUBLISHED',
                        last_event_id = excluded.last_event_id, correlation_id = excluded.correlation_id,
                        updated_at = excluded.updated_at
                    WHERE catalog_service.latest_version <= excluded.latest_version
                    """, UUID.fromString(published.getServiceId()), published.getAgencyCode(), published.getVersion(),
                    published.getName().getSw(), published.getName().getEn(), event.getId(),
                    event.getCorrelationId(), time);
        } else if (EventEnvelopes.is(event, ServiceRetired.class)) {
            ServiceRetired retired = EventEnvelopes.unpack(event, ServiceRetired.class);
            jdbc.update("""
                    INSERT INTO catalog_service (service_id, agency_code, latest_version, name_sw, name_en, status,
                                                 last_event_id, correlation_id, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'RETIRED', ?, ?, ?)
                    ON CONFLICT (service_id) DO UPDATE SET status = 'RETIRED',
                        last_event_id = excluded.last_event_id, correlation_id = excluded.correlation_id,
                        updated_at = excluded.updated_at
                    """, UUID.fromString(retired.getServiceId()), retired.getAgencyCode(), retired.getLastVersion(),
                    retired.getName().getSw(), retired.getName().getEn(), event.getId(),
                    event.getCorrelationId(), time);
        }
    }
}
