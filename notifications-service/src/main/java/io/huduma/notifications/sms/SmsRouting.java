package io.huduma.notifications.sms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.bucket4j.Bucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an SMS through the providers in order of priority: the first that takes it wins, a provider
 * that errors or is down passes the message to the next. Each provider has its own token bucket
 * (Bucket4j), so no burst goes faster than the provider's messages per second: a sender waits for a
 * token rather than being refused by the provider.
 */
public class SmsRouting {

    private static final Logger log = LoggerFactory.getLogger(SmsRouting.class);

    private final List<SmsProvider> providers;
    private final Map<String, Bucket> limits = new LinkedHashMap<>();

    public SmsRouting(List<SmsProvider> providers) {
        this.providers = providers.stream().sorted(Comparator.comparingInt(SmsProvider::priority)).toList();
        for (SmsProvider provider : this.providers) {
            limits.put(provider.name(), bucket(provider.messagesPerSecond()));
        }
    }

    /**
     * A bucket that never lets more than {@code perSecond} messages go out in any one second: it holds a
     * single token and refills one every {@code 1/perSecond} seconds, so sends are spaced evenly.
     */
    static Bucket bucket(double perSecond) {
        long nanosPerToken = Math.max(1, (long) (1_000_000_000L / perSecond));
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofNanos(nanosPerToken)))
                .build();
    }

    /** The providers in the order they are tried. */
    public List<String> providerNames() {
        return providers.stream().map(SmsProvider::name).toList();
    }

    /**
     * Hands the message to the first provider that takes it.
     *
     * @throws SmsNotSent when every provider refused it or is down (the caller retries later)
     */
    public SentSms send(String destination, String text) throws SmsNotSent {
        List<String> reasons = new ArrayList<>();
        for (SmsProvider provider : providers) {
            try {
                limits.get(provider.name()).asBlocking().consume(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SmsNotSent("interrupted while waiting for the " + provider.name() + " rate limit", e);
            }
            try {
                return new SentSms(provider.name(), provider.send(destination, text));
            } catch (SmsNotSent e) {
                log.warn("SMS provider {} did not take a message: {}", provider.name(), e.getMessage());
                reasons.add(provider.name() + ": " + e.getMessage());
            }
        }
        throw new SmsNotSent(reasons.isEmpty() ? "no SMS provider is enabled" : String.join("; ", reasons));
    }
}
