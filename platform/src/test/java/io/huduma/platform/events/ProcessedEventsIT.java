package io.huduma.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import io.huduma.platform.events.testapp.EventsTestApplication;
import io.huduma.testkit.HudumaTestProperties;

/** The processed-event register against the real PostgreSQL. */
@SpringBootTest(classes = EventsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "spring.application.name=platform-processed-it", "eureka.client.enabled=false" })
class ProcessedEventsIT {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        HudumaTestProperties.database(registry, "platform_processed");
        HudumaTestProperties.kafka(registry);
        HudumaTestProperties.keycloak(registry);
    }

    @Autowired
    ProcessedEvents processed;
    @Autowired
    TransactionTemplate transaction;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void anEventIsNewOncePerConsumer() {
        String event = UUID.randomUUID().toString();

        assertThat(firstTime("notifications.request-submitted", event)).isTrue();
        assertThat(firstTime("notifications.request-submitted", event)).isFalse();
        assertThat(firstTime("requests.catalog-projection", event)).isTrue();
    }

    @Test
    void aHandlingThatRollsBackLeavesTheEventToBeHandledAgain() {
        String event = UUID.randomUUID().toString();

        Boolean inRolledBack = transaction.execute(status -> {
            boolean first = processed.firstTime("c", event);
            status.setRollbackOnly();
            return first;
        });

        assertThat(inRolledBack).isTrue();
        assertThat(firstTime("c", event)).isTrue();
    }

    @Test
    void twoConcurrentDeliveriesOfOneEventAreHandledOnce() throws Exception {
        String event = UUID.randomUUID().toString();
        CountDownLatch firstRecorded = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        Future<Boolean> first = pool.submit(() -> transaction.execute(status -> {
            boolean result = processed.firstTime("c", event);
            firstRecorded.countDown();
            awaitLatch(releaseFirst);
            return result;
        }));
        assertThat(firstRecorded.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Boolean> second = pool.submit(() -> firstTime("c", event));
        Thread.sleep(300);
        assertThat(second.isDone()).as("the second delivery waits for the first to finish").isFalse();
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void refusesToRunOutsideTheHandlingTransaction() {
        assertThatThrownBy(() -> processed.firstTime("c", UUID.randomUUID().toString()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    private boolean firstTime(String consumer, String event) {
        return Boolean.TRUE.equals(transaction.execute(status -> processed.firstTime(consumer, event)));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
