package io.huduma.notifications.delivery;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Sends what is queued: claims due deliveries (several instances share the queue, each claim is a lease),
 * sends them in parallel through their channel (whose providers pace themselves) and records each outcome.
 * A commit that queued something wakes it; otherwise it looks every {@code poll-interval}.
 *
 * <p>It claims only as many deliveries as there are free workers, and claims again as soon as one is free: a
 * message queued while others are in flight waits for one worker, not for a whole batch to finish (the batch
 * barrier this replaced put the slowest send of each batch in front of every message queued behind it).
 */
@Service
@EnableConfigurationProperties(DeliveryProperties.class)
class DispatchingMessages implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchingMessages.class);
    private static final java.time.Duration RECORD_FIRST_PAUSE = java.time.Duration.ofMillis(200);
    private static final java.time.Duration RECORD_MAX_PAUSE = java.time.Duration.ofSeconds(5);

    private final DeliveryRepository repository;
    private final Sending sending;
    private final RecordingOutcomes outcomes;
    private final DeliveryProperties properties;
    private final Semaphore wakeUp = new Semaphore(0);
    /** One permit per idle worker. */
    private Semaphore idleWorkers;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private ExecutorService workers;
    private Thread loop;
    private volatile boolean running;
    /** Records a sent message again while it fails: doubling pauses, within half the lease, while running. */
    private final org.springframework.core.retry.RetryTemplate recording;

    DispatchingMessages(DeliveryRepository repository, Sending sending, RecordingOutcomes outcomes,
                        DeliveryProperties properties) {
        this.repository = repository;
        this.sending = sending;
        this.outcomes = outcomes;
        this.properties = properties;
        this.recording = new org.springframework.core.retry.RetryTemplate(org.springframework.core.retry.RetryPolicy.builder()
                .maxRetries(Long.MAX_VALUE).timeout(properties.lease().dividedBy(2))
                .delay(RECORD_FIRST_PAUSE).multiplier(2).maxDelay(RECORD_MAX_PAUSE)
                .predicate(e -> running).build());
    }

    /** Something was queued: look now rather than at the next poll. */
    void wake() {
        wakeUp.release();
    }

    @Override
    public synchronized void start() {
        idleWorkers = new Semaphore(properties.workers());
        workers = Executors.newFixedThreadPool(properties.workers(), r -> {
            Thread thread = new Thread(r, "dispatch-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        loop = new Thread(this::run, "dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                idleWorkers.acquire();
                int held = 1 + idleWorkers.drainPermits();
                int idle = Math.min(properties.batchSize(), held);
                int handedOver = 0;
                List<Delivery> due;
                try {
                    due = repository.claimDue(idle, properties.lease());
                    for (Delivery delivery : due) {
                        // the task gives its worker's permit back when it is done
                        workers.execute(() -> {
                            try {
                                attempt(delivery);
                            } finally {
                                idleWorkers.release();
                            }
                        });
                        handedOver++;
                    }
                } finally {
                    idleWorkers.release(held - handedOver);
                }
                if (due.size() < idle) {
                    // the queue is empty for now: wait for a commit that queued something, or the next poll
                    wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // the database unreachable, say: the claimed rows' leases run out and they are taken again
                log.warn("Dispatching failed: {}", e.toString());
                sleep();
            }
        }
    }

    private void attempt(Delivery delivery) {
        Sending.Sent sent;
        try {
            sent = sending.send(delivery.channel(), delivery.recipient(), delivery.language(),
                    delivery.subjectLine(), delivery.body(), delivery.html());
        } catch (Sending.NotSent e) {
            log.info("Attempt {} of delivery {} failed: {}", delivery.attempts() + 1, delivery.id(), e.getMessage());
            outcomes.attemptFailed(delivery, e.getMessage(), true);
            return;
        } catch (RuntimeException e) {
            log.warn("Attempt {} of delivery {} failed", delivery.attempts() + 1, delivery.id(), e);
            outcomes.attemptFailed(delivery, e.toString(), true);
            return;
        }
        recordSent(delivery, sent);
    }

    /**
     * The provider has the message: from here on a failure is the database's (a restart cutting the connection),
     * never the attempt's. Counting it as a failed attempt would send the message again (a second SMS, found by
     * the fault-injection run), so the outcome is recorded again (Spring's RetryTemplate, a doubling pause from
     * 200 ms to 5 s) for as long as this instance holds the delivery's lease (half of it). Only past that, or
     * when stopping, it is given up: the lease runs out and the delivery is sent again (at least once).
     */
    private void recordSent(Delivery delivery, Sending.Sent sent) {
        java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
        try {
            recording.execute(() -> {
                try {
                    outcomes.sent(delivery.id(), sent.provider(), sent.providerMessageId(), sent.delivered());
                } catch (RuntimeException e) {
                    if (tries.incrementAndGet() == 1) {
                        log.warn("Delivery {} was taken by {} but recording it failed ({}); trying again",
                                delivery.id(), sent.provider(), e.toString());
                    }
                    throw e;
                }
                return null;
            });
            if (tries.get() > 0) {
                log.info("Delivery {} recorded as sent after {} failed tries", delivery.id(), tries.get());
            }
        } catch (org.springframework.core.retry.RetryException e) {
            log.error("Delivery {} was taken by {} ({}) but could not be recorded; it will be sent again "
                    + "when its lease ends", delivery.id(), sent.provider(), sent.providerMessageId(), e.getCause());
        }
    }

    private void sleep() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
