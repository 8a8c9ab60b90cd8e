package io.huduma.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code huduma.security.*}: what a token must carry beyond a valid signature and issuer.
 *
 * @param audience  the {@code aud} every accepted token must contain
 * @param clockSkew the leeway on {@code exp}/{@code nbf} for clocks that drift apart
 */
@ConfigurationProperties("huduma.security")
record HudumaSecurityProperties(@DefaultValue("huduma-api") String audience,
        @DefaultValue("30s") Duration clockSkew) {
}
