package io.huduma.catalog.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.huduma.catalog.agency.AgencyAccess;
import io.huduma.catalog.agency.AgencyDirectory;
import io.huduma.catalog.contact.PhoneNumber;
import io.huduma.catalog.formschema.FormSchemaRules;
import io.huduma.platform.domain.DomainException;
import io.huduma.platform.domain.DomainException.FieldError;
import io.huduma.platform.security.Caller;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agency administrators creating services and editing drafts. A draft may be incomplete in its form
 * schema (it is checked in full when published) but never larger than the schema limit.
 */
@Service
class DraftingServices {

    private final ServiceRepository repository;
    private final AgencyDirectory agencies;
    private final FormSchemaRules formSchemaRules;
    private final JsonMapper json;

    DraftingServices(ServiceRepository repository, AgencyDirectory agencies, FormSchemaRules formSchemaRules, JsonMapper json) {
        this.repository = repository;
        this.agencies = agencies;
        this.formSchemaRules = formSchemaRules;
        this.json = json;
    }

    @Transactional
    PublicService create(Caller caller, String agencyCode, ServiceContent content) {
        AgencyAccess.requireAdminOf(caller, agencyCode);
        agencies.require(agencyCode);
        if (content.slug() == null) {
            throw DomainException.invalid("A new service needs a slug",
                    List.of(new FieldError("/slug", "must not be null")));
        }
        ServiceContent draft = checked(content, content.slug());
        if (repository.slugTaken(agencyCode, draft.slug())) {
            throw slugConflict(agencyCode, draft.slug());
        }
        UUID id = UUID.randomUUID();
        try {
            repository.insert(id, agencyCode, draft.slug(), draft, caller.subject());
        } catch (DuplicateKeyException concurrentCreate) {
            throw slugConflict(agencyCode, draft.slug());
        }
        return repository.find(id).orElseThrow();
    }

    /** Replaces the pending draft; on a published service this starts the next version. */
    @Transactional
    PublicService editDraft(Caller caller, UUID id, ServiceContent content) {
        PublicService service = repository.lock(id).orElseThrow(() -> notFound(id));
        AgencyAccess.requireAdminOf(caller, service.agencyCode());
        if (service.status() == ServiceStatus.RETIRED) {
            throw DomainException.conflict("Service " + id + " is retired; it can no longer be edited");
        }
        if (content.slug() != null && !content.slug().equals(service.slug())) {
            throw DomainException.invalid("The slug of a service cannot change",
                    List.of(new FieldError("/slug", "must be '" + service.slug() + "' or left out")));
        }
        repository.saveDraft(id, checked(content, service.slug()), caller.subject());
        return repository.find(id).orElseThrow();
    }

    private ServiceContent checked(ServiceContent content, String slug) {
        List<FieldError> violations = new ArrayList<>();
        if (content.formSchema() != null && !content.formSchema().isNull()) {
            if (!content.formSchema().isObject()) {
                violations.add(new FieldError("/formSchema", "must be a JSON object"));
            } else if (json.writeValueAsBytes(content.formSchema()).length > formSchemaRules.limits().maxBytes()) {
                violations.add(new FieldError("/formSchema",
                        "is larger than " + formSchemaRules.limits().maxBytes() + " bytes"));
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid("The draft is not valid", violations);
        }
        ContactPoint contact = content.contact();
        if (contact != null && contact.phone() != null && !contact.phone().isBlank()) {
            contact = new ContactPoint(contact.email(), PhoneNumber.parse(contact.phone(), "/contact/phone").e164(),
                    contact.office());
        }
        return content.with(slug, contact);
    }

    private static DomainException slugConflict(String agencyCode, String slug) {
        return DomainException.conflict("Agency '" + agencyCode + "' already has a service with the slug '" + slug + "'");
    }

    static DomainException notFound(UUID id) {
        return DomainException.notFound("No service has the id " + id);
    }
}
