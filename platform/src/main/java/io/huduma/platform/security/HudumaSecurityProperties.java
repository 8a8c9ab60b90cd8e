package io.huduma.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code huduma.security.*}: what a token must carry beyond a valid signature and issuer, and how the
 * signing keys are kept.
 *
 * @param audience  the {@code aud} every accepted token must contain
 * @param clockSkew the leeway on {@code exp}/{@code nbf} for clocks that drift apart
 * @param keys      how Keycloak's signing keys (its JWK set) are cached
 */
@ConfigurationProperties("huduma.security")
record HudumaSecurityProperties(@DefaultValue("huduma-api") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue Keys keys) {

    /**
     * @param cacheTtl           how long fetched keys are used before they are fetched again (a token
     *                           with an unknown key id, e.g. after a rotation, fetches them at once)
     * @param outageTolerance    how long the last keys fetched stay in use while Keycloak cannot be
     *                           reached: tokens already issued keep working through a Keycloak outage
     * @param timeout            connect and read timeout of a fetch
     */
    record Keys(@DefaultValue("5m") Duration cacheTtl,
            @DefaultValue("24h") Duration outageTolerance,
            @DefaultValue("5s") Duration timeout) {
    }
}
