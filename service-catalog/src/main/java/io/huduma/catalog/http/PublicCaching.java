package io.huduma.catalog.http;

import io.huduma.platform.language.Language;
import io.huduma.platform.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Response headers of public reads: how long they may be cached and that they vary by language.
 * The {@code ETag} and the 304 answer to {@code If-None-Match} come from the shallow ETag filter.
 */
@Component
public class PublicCaching {

    private final CatalogHttpProperties properties;

    PublicCaching(CatalogHttpProperties properties) {
        this.properties = properties;
    }

    /** A 200 response for a public read, in the given language. */
    public <T> ResponseEntity<T> ok(T body, Language lang, Caller caller) {
        // an answer to a signed-in caller may include what only they see: keep it out of shared caches
        CacheControl cacheControl = CacheControl.maxAge(properties.publicCacheMaxAge());
        cacheControl = caller == null || caller.isAnonymous() ? cacheControl.cachePublic() : cacheControl.cachePrivate();
        return ResponseEntity.ok()
                .cacheControl(cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CONTENT_LANGUAGE, lang.tag())
                .body(body);
    }
}
