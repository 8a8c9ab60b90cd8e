package io.huduma.catalog.http;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Caching of the catalogue's public REST reads.
 *
 * @param publicCacheMaxAge how long clients and shared caches may keep public reads
 */
@ConfigurationProperties("huduma.catalog.http")
public record CatalogHttpProperties(@DefaultValue("60s") Duration publicCacheMaxAge) {
}
