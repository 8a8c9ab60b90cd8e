package io.huduma.catalog.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Read access to published versions for other features (gRPC). */
@Component
public class PublishedServices {

    private final ServiceRepository repository;

    PublishedServices(ServiceRepository repository) {
        this.repository = repository;
    }

    /** Version {@code version} of the service, or its latest published version when {@code version} is 0. */
    public Optional<ServiceVersion> find(UUID serviceId, int version) {
        return version == 0 ? repository.findLatest(serviceId) : repository.findVersion(serviceId, version);
    }

    /** The latest published version of each of the agency's services open to {@code channel} (any channel when null), by slug. */
    public List<ServiceVersion> latestOf(String agencyCode, Channel channel) {
        return repository.latestOf(agencyCode, channel);
    }

    /** The codes of agencies with a published service open to {@code channel} (any channel when null). */
    public List<String> agenciesOpenTo(Channel channel) {
        return repository.agenciesOpenTo(channel);
    }
}
