package io.huduma.catalog.service;

import java.util.List;
import java.util.UUID;

import io.huduma.catalog.agency.Agency;
import io.huduma.catalog.agency.AgencyAccess;
import io.huduma.catalog.agency.AgencyDirectory;
import io.huduma.catalog.formschema.FormSchemaRules;
import io.huduma.catalog.formschema.PhoneFormRules;
import io.huduma.platform.domain.DomainException;
import io.huduma.platform.domain.DomainException.FieldError;
import io.huduma.platform.security.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing a draft as the next immutable version, and retiring a service. The state change and
 * its event commit together: an adapter turns the domain event into an outbox entry.
 */
@Service
class PublishingServices {

    private final ServiceRepository repository;
    private final AgencyDirectory agencies;
    private final FormSchemaRules formSchemaRules;
    private final ApplicationEventPublisher events;

    PublishingServices(ServiceRepository repository, AgencyDirectory agencies, FormSchemaRules formSchemaRules,
                       ApplicationEventPublisher events) {
        this.repository = repository;
        this.agencies = agencies;
        this.formSchemaRules = formSchemaRules;
        this.events = events;
    }

    @Transactional
    ServiceVersion publish(Caller caller, UUID id) {
        PublicService service = repository.lock(id).orElseThrow(() -> DraftingServices.notFound(id));
        AgencyAccess.requireAdminOf(caller, service.agencyCode());
        if (service.status() == ServiceStatus.RETIRED) {
            throw DomainException.conflict("Service " + id + " is retired; it cannot be published again");
        }
        if (service.draft() == null) {
            throw DomainException.conflict("Service " + id + " has no draft to publish");
        }
        Agency agency = agencies.require(service.agencyCode());
        if (!agency.isActive()) {
            throw DomainException.conflict("Agency '" + agency.code() + "' is suspended; its services cannot be published");
        }
        List<FieldError> violations = formSchemaRules.check(service.draft().formSchema()).stream()
                .map(v -> new FieldError("/formSchema" + v.pointer(), v.message()))
                .toList();
        if (!violations.isEmpty()) {
            throw DomainException.unprocessable("The form schema of the draft cannot be published", violations);
        }
        if (service.draft().channels().contains(Channel.USSD)) {
            List<FieldError> phone = PhoneFormRules.check(service.draft().formSchema()).stream()
                    .map(v -> new FieldError("/formSchema" + v.pointer(), v.message()))
                    .toList();
            if (!phone.isEmpty()) {
                throw DomainException.unprocessable("The service is open to USSD but its form does not fit a basic phone", phone);
            }
        }
        int version = service.currentVersion() == null ? 1 : service.currentVersion() + 1;
        ServiceContent content = service.draft();
        repository.insertVersion(id, version, content, caller.subject());
        // an adapter appends the events to the outbox in this transaction
        events.publishEvent(new ServicePublished(id, version, service.agencyCode(), service.slug(), content));
        repository.markPublished(id, version);
        return repository.findVersion(id, version).orElseThrow();
    }

    @Transactional
    ServiceVersion retire(Caller caller, UUID id) {
        PublicService service = repository.lock(id).orElseThrow(() -> DraftingServices.notFound(id));
        AgencyAccess.requireAdminOf(caller, service.agencyCode());
        if (service.status() != ServiceStatus.PUBLISHED) {
            throw DomainException.conflict(service.status() == ServiceStatus.RETIRED
                    ? "Service " + id + " is already retired"
                    : "Service " + id + " was never published; there is nothing to retire");
        }
        ServiceVersion latest = repository.findLatest(id).orElseThrow();
        events.publishEvent(new ServiceRetired(id, latest.version(), service.agencyCode(), latest.content().name()));
        repository.markRetired(id);
        return repository.findLatest(id).orElseThrow();
    }
}
