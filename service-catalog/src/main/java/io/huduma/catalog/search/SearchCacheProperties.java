package io.huduma.catalog.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cache of public search results.
 *
 * @param enabled    off only to measure the search without it
 * @param timeToLive how long a result may be served at most; publication, retirement and agency changes
 *                   made through this replica clear the cache at once, this bounds what another replica's
 *                   change may leave behind
 * @param maxHits    the most services (over all cached pages) kept in memory
 */
@ConfigurationProperties("huduma.catalog.search-cache")
public record SearchCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration timeToLive,
                                    @DefaultValue("20000") long maxHits) {
}
