package io.huduma.notifications.inbound;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;

/**
 * How many answers one phone number gets: a Bucket4j token bucket per number, {@code replies} at once
 * and {@code replies} more spread over each {@code period}. Held in memory by each instance (the SMSC
 * spreads a number's messages over the instances' binds, so with n instances a number may get up to n
 * times the limit); a full bucket is the same as none, so idle numbers are forgotten.
 */
final class ReplyLimits {

    private final int replies;
    private final Duration period;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ReplyLimits(int replies, Duration period) {
        this.replies = replies;
        this.period = period;
    }

    /** Takes one answer from {@code phone}'s allowance; false when it is used up for now. */
    boolean tryTake(String phone) {
        return buckets.computeIfAbsent(phone, p -> Bucket.builder()
                .addLimit(limit -> limit.capacity(replies).refillGreedy(replies, period))
                .build()).tryConsume(1);
    }

    /** Drops the buckets that are full again (nothing to remember). */
    void forgetIdle() {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= replies);
    }

    int tracked() {
        return buckets.size();
    }
}
