package io.huduma.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.huduma.gateway.TestRedis;

/** On the real redis-server: which thread carries a request on once Redis has judged it. */
class BucketRateLimitsIT {

    @Test
    void aVerdictFromRedisIsNotHandedOnFromLettucesSingleThread() throws Exception {
        BucketRateLimits limits = BucketRateLimits.inRedis(TestRedis.uri());
        try {
            List<String> threads = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                // a small budget: every call is a round trip to Redis (batching, no local delay)
                threads.add(limits.consume("thread-" + UUID.randomUUID(), 5, Duration.ofMinutes(1))
                        .map(verdict -> verdict.allowed() + " on " + Thread.currentThread().getName())
                        .block(Duration.ofSeconds(10)));
            }
            assertThat(threads).allSatisfy(t -> assertThat(t).startsWith("true on ").doesNotContain("lettuce"));
        } finally {
            limits.destroy();
        }
    }
}
