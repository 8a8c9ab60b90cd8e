package io.huduma.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's scheduling, one class with its collaborators stubbed: the sends and the database are
 * {@code SmsDeliveryIT}'s and {@code ProviderFailuresIT}'s, on the real SMSC and PostgreSQL.
 */
class DispatchingMessagesTest {

    private final DeliveryRepository repository = mock(DeliveryRepository.class);
    private final Sending sending = mock(Sending.class);
    private final RecordingOutcomes outcomes = mock(RecordingOutcomes.class);
    private final Queue<Delivery> queued = new ConcurrentLinkedQueue<>();
    private final List<Integer> claimLimits = new CopyOnWriteArrayList<>();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final CountDownLatch slowSendMayFinish = new CountDownLatch(1);
    private DispatchingMessages dispatcher;

    @AfterEach
    void stop() {
        slowSendMayFinish.countDown();
        if (dispatcher != null) {
            dispatcher.stop();
        }
    }

    @Test
    void aMessageQueuedBehindASlowSendGoesOutWithoutWaitingForIt() throws Exception {
        queue("slow");
        for (int i = 0; i < 9; i++) {
            queue("quick-" + i);
        }
        start(4, 2);

        // the slow one holds one worker; the other nine go out through the other three meanwhile
        verify(outcomes, timeout(10_000)).sent(any(), eq("smsc"), eq("id-quick-8"), eq(false));
        assertThat(sent).as("sent while the slow send is still waiting for its answer")
                .containsAll(List.of("quick-0", "quick-4", "quick-8"));
        slowSendMayFinish.countDown();
        verify(outcomes, timeout(10_000)).sent(any(), eq("smsc"), eq("id-slow"), eq(false));
    }

    @Test
    void everyWorkerIsUsedWhenThereAreMoreWorkersThanABatch() throws Exception {
        for (int i = 0; i < 4; i++) {
            queue("slow-" + i);
        }
        start(4, 1);

        // four slow sends, four workers, batches of one: all four are in flight at once
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sent.size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sent).hasSize(4);
        assertThat(claimLimits).as("never more than a batch, never more than the idle workers").allMatch(limit -> limit == 1);
    }

    private void start(int workers, int batchSize) throws Exception {
        when(repository.claimDue(anyInt(), any())).thenAnswer(call -> {
            int limit = call.getArgument(0);
            claimLimits.add(limit);
            List<Delivery> due = new ArrayList<>();
            for (Delivery next; due.size() < limit && (next = queued.poll()) != null; ) {
                due.add(next);
            }
            return due;
        });
        when(sending.send(any(), any(), any(), any(), any(), any())).thenAnswer(call -> {
            String body = call.getArgument(4);
            sent.add(body);
            if (body.startsWith("slow")) {
                // longer than the test waits: a dispatcher that waits for it fails the test rather than passing late
                slowSendMayFinish.await(30, TimeUnit.SECONDS);
            }
            return new Sending.Sent("smsc", "id-" + body, false);
        });
        DeliveryProperties properties = new DeliveryProperties(null, null, null, null, Duration.ofMillis(50), batchSize,
                null, workers, null);
        dispatcher = new DispatchingMessages(repository, sending, outcomes, properties);
        dispatcher.start();
    }

    private void queue(String body) {
        queued.add(new Delivery(UUID.randomUUID(), "event-" + body, "status", Channel.SMS, "+255712345678", "subject",
                "sw", null, body, null, false, "brela", 0, DeliveryStatus.QUEUED, null, null, 0, null, Instant.now(),
                Instant.now(), null, null, null));
    }
}
