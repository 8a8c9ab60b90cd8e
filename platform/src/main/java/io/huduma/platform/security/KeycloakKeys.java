package io.huduma.platform.security;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;

/**
 * Keycloak's signing keys as a Nimbus {@link JWKSource} that survives a Keycloak outage: fetched keys are
 * cached ({@code huduma.security.keys.cache-ttl}), refreshed at once when a token names an unknown key
 * (a rotation), and when Keycloak cannot be reached the
 * last keys fetched stay in use for {@code outage-tolerance}, so tokens already issued keep working.
 */
final class KeycloakKeys {

    private static final int MAX_JWKS_BYTES = 512 * 1024;

    private KeycloakKeys() {
    }

    /**
     * @param jwkSetUri the key set's address, or null/blank to discover it from the issuer's metadata
     */
    static JWKSource<SecurityContext> source(String issuer, String jwkSetUri, HudumaSecurityProperties.Keys keys) {
        int timeout = (int) keys.timeout().toMillis();
        ResourceRetriever retriever = new DefaultResourceRetriever(timeout, timeout, MAX_JWKS_BYTES);
        try {
            URL url = URI.create(jwkSetUri == null || jwkSetUri.isBlank() ? discover(issuer, retriever) : jwkSetUri)
                    .toURL();
            long ttl = keys.cacheTtl().toMillis();
            return JWKSourceBuilder.<SecurityContext>create(url, retriever)
                    // no refresh-ahead: Nimbus wants it plus the refresh timeout within the time to live
                    .cache(ttl, Math.min(keys.timeout().toMillis(), ttl / 2))
                    .refreshAheadCache(false)
                    // as Spring's own decoder: a token with an unknown key id fetches the keys (never a 503)
                    .rateLimited(false)
                    .outageTolerant(keys.outageTolerance().toMillis())
                    .retrying(true)
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot find the signing keys of " + issuer + ": " + e.getMessage(), e);
        }
    }

    /** The {@code jwks_uri} of the issuer's OpenID metadata, after checking it names the same issuer. */
    private static String discover(String issuer, ResourceRetriever retriever) throws IOException {
        String metadataUrl = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        try {
            Map<String, Object> metadata = JSONObjectUtils.parse(
                    retriever.retrieveResource(URI.create(metadataUrl).toURL()).getContent());
            if (!issuer.equals(metadata.get("issuer"))) {
                throw new IllegalStateException("The issuer in " + metadataUrl + " is " + metadata.get("issuer")
                        + ", not " + issuer);
            }
            Object jwks = metadata.get("jwks_uri");
            if (!(jwks instanceof String uri) || uri.isBlank()) {
                throw new IllegalStateException(metadataUrl + " names no jwks_uri");
            }
            return uri;
        } catch (ParseException e) {
            throw new IOException("Unreadable " + metadataUrl, e);
        }
    }
}
