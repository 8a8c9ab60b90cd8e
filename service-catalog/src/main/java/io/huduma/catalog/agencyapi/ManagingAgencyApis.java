package io.huduma.catalog.agencyapi;

import io.huduma.platform.net.UpstreamPolicy;
import java.util.List;
import java.util.UUID;

import io.huduma.catalog.agency.AgencyAccess;
import io.huduma.catalog.agency.AgencyDirectory;
import io.huduma.platform.domain.DomainException;
import io.huduma.platform.domain.DomainException.FieldError;
import io.huduma.platform.security.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agency administrators registering, changing, suspending and removing their agency's APIs; each change is announced. */
@Service
class ManagingAgencyApis {

    private final AgencyApiRepository repository;
    private final AgencyDirectory agencies;
    private final UpstreamPolicy upstreams;
    private final ApplicationEventPublisher events;

    ManagingAgencyApis(AgencyApiRepository repository, AgencyDirectory agencies, UpstreamProperties upstreamProperties,
                       ApplicationEventPublisher events) {
        this.repository = repository;
        this.agencies = agencies;
        this.upstreams = UpstreamPolicy.of(upstreamProperties.allowedHosts(), upstreamProperties.allowedLoopbackPorts());
        this.events = events;
    }

    @Transactional
    AgencyApi register(Caller caller, String agencyCode, AgencyApiForm form) {
        AgencyAccess.requireAdminOf(caller, agencyCode);
        agencies.require(agencyCode);
        if (form.name() == null) {
            throw DomainException.invalid("An agency API needs a name", List.of(new FieldError("/name", "must not be null")));
        }
        AgencyApi api = toApi(UUID.randomUUID(), agencyCode, form.name(), form,
                form.status() == null ? AgencyApi.Status.ACTIVE : form.status());
        if (repository.find(agencyCode, form.name()).isPresent()) {
            throw nameConflict(agencyCode, form.name());
        }
        try {
            repository.insert(api);
        } catch (DuplicateKeyException concurrentCreate) {
            throw nameConflict(agencyCode, form.name());
        }
        announce(AgencyApiChanged.Change.UPSERTED, api);
        return api;
    }

    @Transactional
    AgencyApi replace(Caller caller, String agencyCode, String name, AgencyApiForm form) {
        AgencyAccess.requireAdminOf(caller, agencyCode);
        if (form.name() != null && !form.name().equals(name)) {
            throw DomainException.invalid("The name of an agency API cannot change",
                    List.of(new FieldError("/name", "must be '" + name + "' or left out")));
        }
        AgencyApi current = repository.lock(agencyCode, name).orElseThrow(() -> notFound(agencyCode, name));
        AgencyApi replaced = toApi(current.id(), agencyCode, name, form, form.status() == null ? current.status() : form.status());
        if (replaced.equals(current)) {
            return current;
        }
        repository.update(replaced);
        announce(AgencyApiChanged.Change.UPSERTED, replaced);
        return replaced;
    }

    @Transactional
    void remove(Caller caller, String agencyCode, String name) {
        AgencyAccess.requireAdminOf(caller, agencyCode);
        AgencyApi current = repository.lock(agencyCode, name).orElseThrow(() -> notFound(agencyCode, name));
        repository.delete(current.id());
        announce(AgencyApiChanged.Change.REMOVED, current);
    }

    private AgencyApi toApi(UUID id, String agencyCode, String name, AgencyApiForm form, AgencyApi.Status status) {
        upstreams.refusal(form.upstream()).ifPresent(reason -> {
            throw DomainException.invalid("The upstream is not allowed", List.of(new FieldError("/upstream", reason)));
        });
        List<String> scopes = form.requiredScopes() == null ? List.of() : List.copyOf(form.requiredScopes());
        if (form.accessPolicy() == AgencyApi.AccessPolicy.CLIENT_SCOPES && scopes.isEmpty()) {
            throw DomainException.invalid("Scopes are missing", List.of(new FieldError("/requiredScopes",
                    "must name at least one scope when accessPolicy is CLIENT_SCOPES")));
        }
        return new AgencyApi(id, agencyCode, name, form.upstream().trim(), form.accessPolicy(), scopes,
                form.rateLimitPerMinute(), form.timeoutMillis(), status);
    }

    private void announce(AgencyApiChanged.Change change, AgencyApi api) {
        // an adapter appends it to the outbox in this transaction
        events.publishEvent(new AgencyApiChanged(change, api));
    }

    static DomainException notFound(String agencyCode, String name) {
        return DomainException.notFound("Agency '" + agencyCode + "' has no API named '" + name + "'");
    }

    private static DomainException nameConflict(String agencyCode, String name) {
        return DomainException.conflict("Agency '" + agencyCode + "' already has an API named '" + name + "'");
    }
}
