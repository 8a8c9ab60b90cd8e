package io.huduma.catalog.proto;

import io.huduma.catalog.agency.AgencyChanged;
import io.huduma.contracts.Topics;
import io.huduma.platform.events.OutboxWriter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Turns the agency feature's domain events into outbox entries, inside the use case's transaction. */
@Component
class AgencyEvents {

    private final OutboxWriter outbox;

    AgencyEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(AgencyChanged changed) {
        String code = changed.agency().code();
        outbox.append(Topics.CATALOG_AGENCIES, code, code, io.huduma.contracts.catalog.v1.AgencyChanged.newBuilder()
                .setAgency(CatalogProtos.agency(changed.agency()))
                .build());
    }
}
