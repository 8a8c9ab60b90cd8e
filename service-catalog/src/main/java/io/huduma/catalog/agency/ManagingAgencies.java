package io.huduma.catalog.agency;

import java.util.List;

import io.huduma.catalog.contact.PhoneNumber;
import io.huduma.contracts.Topics;
import io.huduma.contracts.catalog.v1.AgencyChanged;
import io.huduma.platform.events.OutboxWriter;
import io.huduma.platform.problem.ApiProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Platform administrators creating, changing and suspending agencies; each change is announced. */
@Service
class ManagingAgencies {

    private final AgencyRepository repository;
    private final OutboxWriter outbox;

    ManagingAgencies(AgencyRepository repository, OutboxWriter outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    @Transactional
    Agency create(AgencyForm form) {
        if (form.code() == null) {
            throw ApiProblem.badRequest("An agency needs a code",
                    List.of(new ApiProblem.Violation("/code", "must not be null")));
        }
        if (repository.exists(form.code())) {
            throw ApiProblem.conflict("An agency with the code '" + form.code() + "' already exists");
        }
        Agency agency = toAgency(form.code(), form, form.status() == null ? AgencyStatus.ACTIVE : form.status());
        try {
            repository.insert(agency);
        } catch (DuplicateKeyException concurrentCreate) {
            throw ApiProblem.conflict("An agency with the code '" + form.code() + "' already exists");
        }
        announce(agency);
        return agency;
    }

    /** Replaces an agency's details; a missing status keeps the current one. */
    @Transactional
    Agency replace(String code, AgencyForm form) {
        if (form.code() != null && !form.code().equals(code)) {
            throw ApiProblem.badRequest("The code of an agency cannot change",
                    List.of(new ApiProblem.Violation("/code", "must be '" + code + "' or left out")));
        }
        Agency current = repository.lock(code).orElseThrow(() -> ApiProblem.notFound("No agency has the code '" + code + "'"));
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
        return new Agency(code, form.name(), form.contactEmail(), phone, form.website(), status);
    }

    private void announce(Agency agency) {
        outbox.append(Topics.CATALOG_AGENCIES, agency.code(), agency.code(),
                AgencyChanged.newBuilder().setAgency(agency.toProto()).build());
    }
}
