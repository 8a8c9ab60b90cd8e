package io.huduma.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import reactor.core.publisher.Mono;

/**
 * Bucket4j token buckets: in Redis (Lettuce, compare-and-swap) when a Redis is configured, so that
 * every replica draws from the same bucket; in this JVM otherwise. Should Redis fail, a request is
 * judged by the local bucket instead of being refused or let through unlimited.
 *
 * <p>A bucket in Redis is a compare-and-swap per request: many requests of one caller at once (a busy
 * agency system, a benchmark, a client behind one address) made every replica retry its swap until the
 * requests queued for seconds. Each bucket therefore has one proxy per gateway, kept in a bounded cache,
 * that batches the requests arriving while a swap is in flight into one swap, and, for budgets of at least
 * {@value #DELAY_ABOVE} requests, answers from its last copy of the bucket and synchronises with Redis
 * after {@code 1 %} of the budget or 200 ms (whichever first): a replica may then let
 * through at most 1 % of a budget more than it should. Small budgets (sign-up, codes) are exact.
 */
final class BucketRateLimits implements RateLimits, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BucketRateLimits.class);
    private static final int LOCAL_BUCKETS_MAX = 100_000;
    /** Budgets below this are synchronised with Redis on every request (batched, never delayed). */
    static final int DELAY_ABOVE = 100;
    private static final Duration SYNC_INTERVAL = Duration.ofMillis(200);

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final AsyncProxyManager<String> redis;
    private final Map<String, Bucket> local = new ConcurrentHashMap<>();
    /** One proxy per bucket: an optimisation keeps its state (in-flight batch, local copy) in the proxy. */
    private final Cache<String, AsyncBucketProxy> proxies = Caffeine.newBuilder()
            .maximumSize(LOCAL_BUCKETS_MAX).expireAfterAccess(Duration.ofMinutes(10)).build();

    private BucketRateLimits(RedisClient client) {
        this.client = client;
        if (client == null) {
            this.connection = null;
            this.redis = null;
        } else {
            this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            this.redis = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(30)))
                    .build().asAsync();
        }
    }

    static BucketRateLimits inRedis(String redisUrl) {
        log.info("Rate limits are shared by every gateway through Redis at {}", redisUrl.replaceAll("//[^@/]*@", "//***@"));
        return new BucketRateLimits(RedisClient.create(redisUrl));
    }

    static BucketRateLimits inMemory() {
        log.warn("No Redis configured (huduma.gateway.rate-limits.redis-url): rate limits are kept in this gateway's memory "
                + "and are NOT shared with other replicas; fine for the single-node local stack only");
        return new BucketRateLimits(null);
    }

    boolean isShared() {
        return redis != null;
    }

    @Override
    public Mono<Verdict> consume(String bucket, int requests, Duration period) {
        String key = "huduma:rate:" + requests + "/" + period.toSeconds() + ":" + bucket;
        if (redis == null) {
            return Mono.fromSupplier(() -> verdict(localBucket(key, requests, period).tryConsumeAndReturnRemaining(1)));
        }
        CompletableFuture<ConsumptionProbe> probe = proxies.get(key, k -> redis.builder()
                        .withOptimization(optimization(requests))
                        .build(k, () -> CompletableFuture.completedFuture(configuration(requests, period))))
                .tryConsumeAndReturnRemaining(1);
        return Mono.fromFuture(probe).map(BucketRateLimits::verdict).onErrorResume(e -> {
            log.warn("Redis rate limiter unavailable ({}); judging {} by this gateway's bucket", e.toString(), bucket);
            return Mono.fromSupplier(() -> verdict(localBucket(key, requests, period).tryConsumeAndReturnRemaining(1)));
        });
    }

    private static Optimization optimization(int requests) {
        return requests < DELAY_ABOVE ? Optimizations.batching()
                : Optimizations.delaying(new DelayParameters(requests / 100, SYNC_INTERVAL));
    }

    private Bucket localBucket(String key, int requests, Duration period) {
        if (local.size() > LOCAL_BUCKETS_MAX) {
            // a flood of distinct callers must not exhaust memory; forgetting buckets only lets them start full
            local.clear();
        }
        return local.computeIfAbsent(key, k -> Bucket.builder().addLimit(limit -> limit.capacity(requests)
                .refillGreedy(requests, period)).build());
    }

    private static BucketConfiguration configuration(int requests, Duration period) {
        return BucketConfiguration.builder().addLimit(limit -> limit.capacity(requests).refillGreedy(requests, period)).build();
    }

    private static Verdict verdict(ConsumptionProbe probe) {
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Verdict(probe.isConsumed(), probe.getRemainingTokens(), retryAfter);
    }

    @Override
    public void destroy() {
        if (connection != null) {
            connection.close();
            client.shutdown();
        }
    }
}
