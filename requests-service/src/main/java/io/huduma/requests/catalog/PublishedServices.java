package io.huduma.requests.catalog;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.huduma.platform.correlation.Correlation;
import io.huduma.platform.domain.DomainException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The version of a catalogue service an application is made against. Which version is current,
 * and whether the service is retired, comes from {@code catalog_service} (kept from the catalogue's
 * events, ordered by version, a retirement winning); the version itself (form schema, fee, SLA) from
 * an in-memory cache of immutable versions, filled over gRPC on a miss.
 */
@Service
@EnableConfigurationProperties(CatalogProperties.class)
public class PublishedServices {

    private final CatalogServiceRepository repository;
    private final CatalogClient client;
    private final Cache<String, ServiceDefinition> versions;
    // concurrent misses for one service (a burst of retries) share one catalogue call
    private final Cache<UUID, Optional<ServiceDefinition>> latestCalls;

    PublishedServices(CatalogServiceRepository repository, CatalogClient client, CatalogProperties properties) {
        this.repository = repository;
        this.client = client;
        this.versions = Caffeine.newBuilder().maximumSize(properties.cachedVersions()).build();
        this.latestCalls = Caffeine.newBuilder().maximumSize(properties.cachedVersions())
                .expireAfterWrite(java.time.Duration.ofSeconds(1)).build();
    }

    /**
     * The current published version of a service. Refused with 404 when the catalogue does not know
     * it, 422 when it is retired, 503 when the catalogue cannot be reached and nothing is cached.
     */
    public ServiceDefinition current(UUID serviceId) {
        Optional<CatalogServiceRepository.Entry> known = repository.find(serviceId);
        if (known.isPresent() && known.get().retired()) {
            throw retired(serviceId);
        }
        if (known.isPresent()) {
            ServiceDefinition cached = versions.getIfPresent(key(serviceId, known.get().latestVersion()));
            if (cached != null) {
                return cached;
            }
        }
        ServiceDefinition fetched = latestCalls.get(serviceId, id -> client.fetch(id, 0))
                .orElseThrow(() -> DomainException.notFound("No service " + serviceId + " in the catalogue"));
        remember(fetched);
        // the answer may be older than what the events already told (a replica behind): the ordered record decides
        CatalogServiceRepository.Entry now = repository.find(serviceId).orElseThrow();
        if (now.retired()) {
            throw retired(serviceId);
        }
        if (now.latestVersion() != fetched.version()) {
            return client.fetch(serviceId, now.latestVersion())
                    .map(this::cache)
                    .orElseThrow(() -> DomainException.unavailable("The catalogue does not serve version "
                            + now.latestVersion() + " of service " + serviceId + " yet; try again shortly"));
        }
        return fetched;
    }

    /**
     * One given version, retired or not (a request made against it stays answerable); 404 when the
     * catalogue does not have it.
     */
    public ServiceDefinition version(UUID serviceId, int version) {
        ServiceDefinition cached = versions.getIfPresent(key(serviceId, version));
        if (cached != null) {
            return cached;
        }
        return client.fetch(serviceId, version).map(this::cache)
                .orElseThrow(() -> DomainException.notFound("No version " + version + " of service " + serviceId));
    }

    /** A published service of the agency by (part of) its English name, as far as the catalogue's events told yet. */
    public Optional<UUID> findByName(String agencyCode, String words) {
        return repository.publishedNamed(agencyCode, words);
    }

    private void remember(ServiceDefinition definition) {
        cache(definition);
        String correlation = Correlation.currentOrNew();
        String source = "grpc:" + correlation;
        if (definition.retired()) {
            repository.retired(definition.serviceId(), definition.version(), definition.agencyCode(),
                    definition.nameSw(), definition.nameEn(), source, correlation, Instant.now());
        } else {
            repository.published(definition.serviceId(), definition.version(), definition.agencyCode(),
                    definition.nameSw(), definition.nameEn(), source, correlation, Instant.now());
        }
    }

    private ServiceDefinition cache(ServiceDefinition definition) {
        versions.put(key(definition.serviceId(), definition.version()), definition);
        return definition;
    }

    private static String key(UUID serviceId, int version) {
        return serviceId + "@" + version;
    }

    private static DomainException retired(UUID serviceId) {
        return DomainException.unprocessable("The service " + serviceId + " has been retired and takes no new applications",
                java.util.List.of(new DomainException.FieldError("/serviceId", "service retired")));
    }
}
