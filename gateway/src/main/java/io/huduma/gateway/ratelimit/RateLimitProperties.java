package io.huduma.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request budgets at the edge.
 *
 * @param redisUrl       {@code redis://host:port} of the Redis every replica shares; blank: one in-memory limiter
 *                       per gateway (the single-node local stack only), announced at start
 * @param anonymous      budget of one client address without a token
 * @param authenticated  budget of one signed-in subject (or client id)
 * @param sensitive      budget of one client address on {@code sensitivePaths}, whoever it is (sign-up, codes, resets)
 * @param sensitivePaths path patterns with the stricter budget
 * @param channel        budget of one client address on {@code channelPaths} without a token: a channel
 *                       aggregator (the USSD operator) speaks for many people from a few addresses; the
 *                       service behind authenticates it and limits per phone
 * @param channelPaths   path patterns of aggregators' callbacks
 */
@ConfigurationProperties("huduma.gateway.rate-limits")
public record RateLimitProperties(
        @DefaultValue("") String redisUrl,
        Limit anonymous,
        Limit authenticated,
        Limit sensitive,
        @DefaultValue({"/api/v1/identity/registrations/**", "/api/v1/identity/registrations",
            "/api/v1/identity/password-resets/**", "/api/v1/identity/password-resets"}) List<String> sensitivePaths,
        Limit channel,
        @DefaultValue({"/api/v1/ussd/**"}) List<String> channelPaths) {

    /** {@code requests} per {@code period}, refilled smoothly. */
    public record Limit(int requests, Duration period) {
    }
}
