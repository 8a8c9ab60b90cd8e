package io.huduma.identity.code;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of one-time codes.
 *
 * @param pepper               server secret mixed into every code hash (from the environment outside local/test)
 * @param digits               length of a code
 * @param validity             how long a code may be used
 * @param maxFailedAttempts    wrong codes after which the sign-up (reset, phone change) is locked
 * @param resendInterval       least time between two codes to one number
 * @param perNumberPerHour     most codes sent to one number in an hour
 * @param perAddressPerHour    most new sign-ups, resets and phone changes started from one client address in an hour
 * @param pendingLifetime      how long an unfinished sign-up (reset, phone change) is kept before it is purged
 */
@ConfigurationProperties("huduma.identity.codes")
public record CodeProperties(
        String pepper,
        @DefaultValue("6") int digits,
        @DefaultValue("5m") Duration validity,
        @DefaultValue("5") int maxFailedAttempts,
        @DefaultValue("60s") Duration resendInterval,
        @DefaultValue("5") int perNumberPerHour,
        @DefaultValue("20") int perAddressPerHour,
        @DefaultValue("1h") Duration pendingLifetime) {

    public CodeProperties {
        if (pepper == null || pepper.length() < 16) {
            throw new IllegalStateException("huduma.identity.codes.pepper must be set (16 characters or more)");
        }
    }
}
