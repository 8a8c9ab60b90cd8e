package io.huduma.requests.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.requests.v1.RequestSlaBreached;
import io.huduma.testkit.TopicEvents;
import io.huduma.requests.RequestsIT;
import io.huduma.requests.request.DetectingSlaBreaches;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** RequestSlaBreached is announced exactly once per breached request, with two schedulers running at once. */
class SlaBreachIT extends RequestsIT {

    @Autowired
    DetectingSlaBreaches detecting;

    @Autowired
    LockProvider lockProvider;

    @Test
    void eachBreachIsAnnouncedOnceEvenWithTwoSchedulers() throws Exception {
        UUID service = aBrelaService();
        UUID late = submitted(AMINA, service);
        UUID lateInReview = submitted(JUMA, service);
        UUID onTime = submitted(AMINA, service);
        UUID waitingOnCitizen = submitted(AMINA, service);
        move(OFFICER_BRELA, lateInReview, "IN_REVIEW", null, false, null);
        move(OFFICER_BRELA, waitingOnCitizen, "IN_REVIEW", null, false, null);
        move(OFFICER_BRELA, waitingOnCitizen, "NEEDS_INFO", "Tuma nakala ya kitambulisho", true, null);
        java.time.LocalDate overdue = java.time.LocalDate.now(java.time.ZoneId.of("Africa/Dar_es_Salaam")).minusDays(5);
        jdbc.sql("update request set due_date = ? where id in (?, ?, ?)")
                .params(overdue, late, lateInReview, waitingOnCitizen).update();

        // two replicas' schedulers, each with its own lock executor on the shared lock table, firing together
        AtomicInteger announced = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int replica = 0; replica < 2; replica++) {
                DefaultLockingTaskExecutor locks = new DefaultLockingTaskExecutor(lockProvider);
                runs.add(replicas.submit(() -> {
                    start.await();
                    for (int round = 0; round < 5; round++) {
                        locks.executeWithLock((Runnable) () -> announced.addAndGet(detecting.detect()),
                                new LockConfiguration(Instant.now(), "requests-sla-breaches", Duration.ofMinutes(1), Duration.ZERO));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }
        // and once more without the lock: the conditional mark alone still refuses a second announcement
        detecting.detect();

        assertThat(breaches(late)).hasSize(1);
        assertThat(breaches(lateInReview)).hasSize(1);
        assertThat(breaches(onTime)).isEmpty();
        assertThat(breaches(waitingOnCitizen)).isEmpty();
        RequestSlaBreached breach = breaches(late).get(0).getData().unpack(RequestSlaBreached.class);
        assertThat(breach.getStatus()).isEqualTo("SUBMITTED");
        assertThat(breach.getAgencyCode()).isEqualTo("brela");
        assertThat(breach.getDueDate()).isEqualTo(overdue.toString());
        assertThat(http().get("/api/v1/requests/" + late, token(AMINA)).body().path("onTime").asBoolean()).isFalse();
        assertThat(http().get("/api/v1/requests/" + late + "/timeline", token(OFFICER_BRELA)).body().valueStream()
                .filter(e -> e.path("kind").asString().equals("SLA_BREACHED")).count()).isOne();
    }

    private static List<EventEnvelope> breaches(UUID id) {
        return TopicEvents.await(Topics.REQUESTS, id.toString(), 99, Duration.ofSeconds(8), Duration.ZERO).stream()
                .filter(e -> e.getType().equals("huduma.requests.v1.RequestSlaBreached")).toList();
    }
}
