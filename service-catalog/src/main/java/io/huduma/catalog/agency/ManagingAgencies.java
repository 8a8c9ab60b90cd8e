package io.huduma.catalog.agency;

import java.util.List;

import io.huduma.catalog.contact.PhoneNumber;
import io.huduma.platform.domain.DomainException;
import io.huduma.platform.domain.DomainException.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Platform administrators creating, changing and suspending agencies; each change is announced. */
@Service
class ManagingAgencies {

    private final AgencyRepository repository;
    private final ApplicationEventPublisher events;

    ManagingAgencies(AgencyRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @Transactional
    Agency create(AgencyForm form) {
        if (form.code() == null) {
            throw DomainException.invalid("An agency needs a code",
                    List.of(new FieldError("/code", "must not be null")));
        }
        if (repository.exists(form.code())) {
            throw DomainException.conflict("An agency with the code '" + form.code() + "' already exists");
        }
        Agency agency = toAgency(form.code(), form, form.status() == null ? AgencyStatus.ACTIVE : form.status());
        try {
            repository.insert(agency);
        } catch (DuplicateKeyException concurrentCreate) {
            throw DomainException.conflict("An agency with the code '" + form.code() + "' already exists");
        }
        announce(agency);
        return agency;
    }

    /** Replaces an agency's details; a missing status keeps the current one. */
    @Transactional
    Agency replace(String code, AgencyForm form) {
        if (form.code() != null && !form.code().equals(code)) {
            throw DomainException.invalid("The code of an agency cannot change",
                    List.of(new FieldError("/code", "must be '" + code + "' or left out")));
        }
        Agency current = repository.lock(code).orElseThrow(() -> DomainException.notFound("No agency has the code '" + code + "'"));
        Agency replaced = toAgency(code, form, form.status() == null ? current.status() : form.status());
        if (replaced.equals(current)) {
            return current;
        }
        repository.update(replaced);
        announce(replaced);
        return replaced;
    }

    private static Agency toAgency(String code, AgencyForm form, AgencyStatus status) {
        String phone = PhoneNumber.parse(form.contactPhone(), "/contactPhone").e164();
        return new Agency(code, form.name().text(), form.contactEmail(), phone, form.website(), status);
    }

    private void announce(Agency agency) {
        // an adapter appends it to the outbox in this transaction
        events.publishEvent(new AgencyChanged(agency));
    }
}
