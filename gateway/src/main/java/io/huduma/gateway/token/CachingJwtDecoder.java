package io.huduma.gateway.token;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Remembers the tokens the platform's decoder has accepted, so that the many requests a client makes
 * with one access token cost one signature check (RSA), one JSON parse and one run of the validators,
 * not one each. An entry lives until the token's own expiry (never longer than {@code maxAge}), and a
 * token read from the cache is checked against its expiry again, so an expired token is refused exactly
 * as before. Refused tokens are never remembered: each is decoded, and refused, again. A token is the
 * cache key itself (not a hash of it), so only the very same signed bytes can hit an entry.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Duration clockSkew;
    private final Cache<String, Jwt> accepted;

    CachingJwtDecoder(ReactiveJwtDecoder delegate, long maxTokens, Duration maxAge, Duration clockSkew) {
        this.delegate = delegate;
        this.clockSkew = clockSkew;
        this.accepted = Caffeine.newBuilder().maximumSize(maxTokens).expireAfter(new Expiry<String, Jwt>() {
            @Override
            public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
                Instant expiresAt = jwt.getExpiresAt();
                Duration left = expiresAt == null ? maxAge : Duration.between(Instant.now(), expiresAt.plus(clockSkew));
                return Math.max(0, Math.min(left.toNanos(), maxAge.toNanos()));
            }

            @Override
            public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }

            @Override
            public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = accepted.getIfPresent(token);
        if (known != null && (known.getExpiresAt() == null || Instant.now().isBefore(known.getExpiresAt().plus(clockSkew)))) {
            return Mono.just(known);
        }
        return delegate.decode(token).doOnNext(jwt -> accepted.put(token, jwt));
    }
}
