package io.huduma.catalog.search;

import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.huduma.catalog.agency.AgencyChanged;
import io.huduma.catalog.service.ServicePublished;
import io.huduma.catalog.service.ServiceRetired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Public search results kept in memory: the same few queries ("leseni", "cheti cha kuzaliwa") make most
 * of the catalogue's traffic, and their answer changes only when a service is published or retired or an
 * agency changes. Those domain events clear every cached page once their transaction has committed.
 *
 * <p>A page read from the database before such a commit and stored after it is never served: each entry
 * remembers the generation it was read in, and a change starts a new generation before the cache is cleared.
 * Results do not depend on the caller (only published services of active agencies are searched), so one
 * entry serves everyone; the key holds every filter, the page and the language.
 */
@Component
class PopularSearches {

    private record Entry(long generation, ServiceSearchRepository.Page page) {
    }

    private final ServiceSearchRepository repository;
    private final boolean enabled;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<ServiceSearchRepository.Criteria, Entry> cache;

    PopularSearches(ServiceSearchRepository repository, SearchCacheProperties properties) {
        this.repository = repository;
        this.enabled = properties.enabled();
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.timeToLive())
                .maximumWeight(properties.maxHits())
                .weigher((ServiceSearchRepository.Criteria criteria, Entry entry) -> entry.page().hits().size() + 1)
                .build();
    }

    ServiceSearchRepository.Page search(ServiceSearchRepository.Criteria criteria) {
        if (!enabled) {
            return repository.search(criteria);
        }
        long current = generation.get();
        Entry cached = cache.getIfPresent(criteria);
        if (cached != null && cached.generation() == current) {
            return cached.page();
        }
        ServiceSearchRepository.Page page = repository.search(criteria);
        cache.put(criteria, new Entry(current, page));
        return page;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ServicePublished published) {
        forgetAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ServiceRetired retired) {
        forgetAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AgencyChanged changed) {
        forgetAll();
    }

    private void forgetAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }
}
