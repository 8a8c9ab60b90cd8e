package io.huduma.catalog.proto;

import io.huduma.catalog.service.ServiceContent;
import io.huduma.catalog.service.ServicePublished;
import io.huduma.catalog.service.ServiceRetired;
import io.huduma.contracts.Topics;
import io.huduma.platform.events.OutboxWriter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Turns the service feature's domain events into outbox entries, inside the use case's transaction. */
@Component
class ServiceEvents {

    private final OutboxWriter outbox;

    ServiceEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(ServicePublished published) {
        ServiceContent content = published.content();
        var event = io.huduma.contracts.catalog.v1.ServicePublished.newBuilder()
                .setServiceId(published.serviceId().toString())
                .setVersion(published.version())
                .setAgencyCode(published.agencyCode())
                .setSlug(published.slug())
                .setName(CatalogProtos.text(content.name()))
                .setSlaWorkingDays(content.slaWorkingDays())
                .setCategory(content.category());
        content.channels().stream().sorted().forEach(channel -> event.addChannels(CatalogProtos.channel(channel)));
        if (content.fee() != null) {
            event.setFee(CatalogProtos.fee(content.fee()));
        }
        outbox.append(Topics.CATALOG_SERVICES, published.serviceId().toString(), published.agencyCode(), event.build());
    }

    @EventListener
    void on(ServiceRetired retired) {
        outbox.append(Topics.CATALOG_SERVICES, retired.serviceId().toString(), retired.agencyCode(),
                io.huduma.contracts.catalog.v1.ServiceRetired.newBuilder()
                        .setServiceId(retired.serviceId().toString())
                        .setLastVersion(retired.lastVersion())
                        .setAgencyCode(retired.agencyCode())
                        .setName(CatalogProtos.text(retired.name()))
                        .build());
    }
}
