package io.huduma.catalog.service;

import java.util.List;
import java.util.UUID;

import io.huduma.catalog.agency.Agency;
import io.huduma.catalog.agency.AgencyAccess;
import io.huduma.catalog.agency.AgencyDirectory;
import io.huduma.catalog.formschema.FormSchemaRules;
import io.huduma.contracts.Topics;
import io.huduma.contracts.catalog.v1.ServicePublished;
import io.huduma.contracts.catalog.v1.ServiceRetired;
import io.huduma.platform.events.OutboxWriter;
import io.huduma.platform.problem.ApiProblem;
import io.huduma.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing a draft as the next immutable version, and retiring a service. The state change and
 * its event commit together through the outbox.
 */
@Service
class PublishingServices {

    private final ServiceRepository repository;
    private final AgencyDirectory agencies;
    private final FormSchemaRules formSchemaRules;
    private final OutboxWriter outbox;

    PublishingServices(ServiceRepository repository, AgencyDirectory agencies, FormSchemaRules formSchemaRules,
                       OutboxWriter outbox) {
        this.repository = repository;
        this.agencies = agencies;
        this.formSchemaRules = formSchemaRules;
        this.outbox = outbox;
    }

    @Transactional
    ServiceVersion publish(Caller caller, UUID id) {
        PublicService service = repository.lock(id).orElseThrow(() -> DraftingServices.notFound(id));
        AgencyAccess.requireAdminOf(caller, service.agencyCode());
        if (service.status() == ServiceStatus.RETIRED) {
            throw ApiProblem.conflict("Service " + id + " is retired; it cannot be published again");
        }
        if (service.draft() == null) {
            throw ApiProblem.conflict("Service " + id + " has no draft to publish");
        }
        Agency agency = agencies.require(service.agencyCode());
        if (!agency.isActive()) {
            throw ApiProblem.conflict("Agency '" + agency.code() + "' is suspended; its services cannot be published");
        }
        List<ApiProblem.Violation> violations = formSchemaRules.check(service.draft().formSchema()).stream()
                .map(v -> new ApiProblem.Violation("/formSchema" + v.pointer(), v.message()))
                .toList();
        if (!violations.isEmpty()) {
            throw ApiProblem.unprocessable("The form schema of the draft cannot be published", violations);
        }
        int version = service.currentVersion() == null ? 1 : service.currentVersion() + 1;
        ServiceContent content = service.draft();
        repository.insertVersion(id, version, content, caller.subject());
        ServicePublished.Builder event = ServicePublished.newBuilder()
                .setServiceId(id.toString())
                .setVersion(version)
                .setAgencyCode(service.agencyCode())
                .setSlug(service.slug())
                .setName(content.name().toProto())
                .setSlaWorkingDays(content.slaWorkingDays())
                .setCategory(content.category());
        content.channels().stream().sorted().forEach(channel -> event.addChannels(channel.toProto()));
        if (content.fee() != null) {
            event.setFee(content.fee().toProto());
        }
        outbox.append(Topics.CATALOG_SERVICES, id.toString(), service.agencyCode(), event.build());
        repository.markPublished(id, version);
        return repository.findVersion(id, version).orElseThrow();
    }

    @Transactional
    ServiceVersion retire(Caller caller, UUID id) {
        PublicService service = repository.lock(id).orElseThrow(() -> DraftingServices.notFound(id));
        AgencyAccess.requireAdminOf(caller, service.agencyCode());
        if (service.status() != ServiceStatus.PUBLISHED) {
            throw ApiProblem.conflict(service.status() == ServiceStatus.RETIRED
                    ? "Service " + id + " is already retired"
                    : "Service " + id + " was never published; there is nothing to retire");
        }
        ServiceVersion latest = repository.findLatest(id).orElseThrow();
        outbox.append(Topics.CATALOG_SERVICES, id.toString(), service.agencyCode(), ServiceRetired.newBuilder()
                .setServiceId(id.toString())
                .setLastVersion(latest.version())
                .setAgencyCode(service.agencyCode())
                .setName(latest.content().name().toProto())
                .build());
        repository.markRetired(id);
        return repository.findLatest(id).orElseThrow();
    }
}
