package io.huduma.catalog.proto;

import io.huduma.catalog.agencyapi.AgencyApiChanged;
import io.huduma.contracts.Topics;
import io.huduma.platform.events.OutboxWriter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Turns the agency-API feature's domain events into outbox entries, inside the use case's transaction. */
@Component
class AgencyApiEvents {

    private final OutboxWriter outbox;

    AgencyApiEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(AgencyApiChanged changed) {
        var change = switch (changed.change()) {
            case UPSERTED -> io.huduma.contracts.catalog.v1.AgencyApiChanged.Change.CHANGE_UPSERTED;
            case REMOVED -> io.huduma.contracts.catalog.v1.AgencyApiChanged.Change.CHANGE_REMOVED;
        };
        outbox.append(Topics.CATALOG_AGENCY_APIS, changed.api().id().toString(), changed.api().agencyCode(),
                io.huduma.contracts.catalog.v1.AgencyApiChanged.newBuilder()
                        .setChange(change)
                        .setApi(CatalogProtos.agencyApi(changed.api()))
                        .build());
    }
}
