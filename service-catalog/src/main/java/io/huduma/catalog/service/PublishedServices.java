package io.huduma.catalog.service;

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
}
