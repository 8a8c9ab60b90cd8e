package io.huduma.notifications.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.huduma.notifications.sms.SmsReceipts;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every change of a delivery's status, each in one transaction with the fact that announces it:
 * sent, delivered (receipt or relay), a failed attempt (back to the queue with backoff, or FAILED and
 * dead-lettered after the last), undeliverable (the provider gave up).
 */
@Service
class RecordingOutcomes implements SmsReceipts {

    private static final Logger log = LoggerFactory.getLogger(RecordingOutcomes.class);
    private static final Duration RECEIPT_RETRY = Duration.ofMillis(250);

    private final DeliveryRepository repository;
    private final DeliveryFacts facts;
    private final DeliveryProperties properties;
    private final TransactionTemplate transaction;
    private final ScheduledExecutorService lateReceipts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "late-receipts");
        thread.setDaemon(true);
        return thread;
    });

    RecordingOutcomes(DeliveryRepository repository, DeliveryFacts facts, DeliveryProperties properties,
                      TransactionTemplate transaction) {
        this.repository = repository;
        this.facts = facts;
        this.properties = properties;
        this.transaction = transaction;
    }

    /** A provider took the message; a relay that stores it ({@code delivered}) ends the delivery at once. */
    void sent(UUID id, String provider, String providerMessageId, boolean delivered) {
        transaction.executeWithoutResult(status -> repository.markSent(id, provider, providerMessageId, delivered)
                .filter(d -> d.status() == DeliveryStatus.DELIVERED)
                .ifPresent(facts::delivered));
    }

    /** An attempt failed; the delivery waits for the next, or is FAILED after the last one. */
    Optional<Delivery> attemptFailed(Delivery delivery, String reason, boolean retryable) {
        boolean last = !retryable || delivery.attempts() + 1 >= properties.maxAttempts();
        return transaction.execute(status -> {
            Optional<Delivery> updated = repository.markAttemptFailed(delivery.id(), reason,
                    properties.backoff(delivery.attempts() + 1), last);
            updated.filter(d -> d.status() == DeliveryStatus.FAILED).ifPresent(d -> {
                log.warn("Delivery {} ({} {}) failed after {} attempt(s): {}", d.id(), d.channel(), d.kind(),
                        d.attempts(), reason);
                facts.failed(d, reason);
            });
            return updated;
        });
    }

    @Override
    public void delivered(String provider, String providerMessageId) {
        receipt(provider, providerMessageId, System.nanoTime() + properties.receiptWait().toNanos(),
                () -> repository.markDelivered(provider, providerMessageId).map(d -> {
                    facts.delivered(d);
                    return d;
                }));
    }

    @Override
    public void undeliverable(String provider, String providerMessageId, String reason) {
        receipt(provider, providerMessageId, System.nanoTime() + properties.receiptWait().toNanos(),
                () -> repository.markUndeliverable(provider, providerMessageId, reason).map(d -> {
                    facts.failed(d, reason);
                    return d;
                }));
    }

    /**
     * Applies a receipt. One can overtake the commit that marks its delivery SENT (the SMSC answers the
     * submission and sends the receipt at once): such a receipt is tried again for a while.
     */
    private void receipt(String provider, String providerMessageId, long deadline,
                         java.util.function.Supplier<Optional<Delivery>> apply) {
        Optional<Delivery> applied = transaction.execute(status -> apply.get());
        if (applied != null && applied.isPresent()) {
            return;
        }
        Optional<DeliveryStatus> current = repository.statusByProviderMessage(provider, providerMessageId);
        if (current.isPresent() && current.get() != DeliveryStatus.SENT) {
            return; // a repeated receipt, or one for a delivery already ended
        }
        // not SENT yet (the commit is on its way), or SENT since the attempt above: apply it again shortly
        if (System.nanoTime() > deadline) {
            log.info("Receipt from {} for unknown message {} dropped", provider, providerMessageId);
            return;
        }
        lateReceipts.schedule(() -> receipt(provider, providerMessageId, deadline, apply),
                RECEIPT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** An admin queues a FAILED delivery again (codes cannot be: their text is gone). */
    Optional<Delivery> requeue(UUID id) {
        return transaction.execute(status -> repository.requeue(id));
    }

    @PreDestroy
    void stop() {
        lateReceipts.shutdownNow();
    }
}
