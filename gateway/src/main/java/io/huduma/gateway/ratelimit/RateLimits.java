package io.huduma.gateway.ratelimit;

import java.time.Duration;

import reactor.core.publisher.Mono;

/** Takes one request from a named bucket; the buckets are shared by every gateway on the same Redis. */
public interface RateLimits {

    /** Whether the request may pass, and when to come back if not. */
    record Verdict(boolean allowed, long remaining, long retryAfterSeconds) {
    }

    Mono<Verdict> consume(String bucket, int requests, Duration period);
}
