package io.huduma.requests.sla;

import java.time.Duration;
import java.time.Instant;

import io.huduma.requests.request.DetectingSlaBreaches;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the SLA breach check and the submission-key purge on a schedule, each under a ShedLock lock
 * (JDBC, database time) so that one replica at a time does it.
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(SlaProperties.class)
@ConditionalOnProperty(name = "huduma.requests.sla.enabled", havingValue = "true", matchIfMissing = true)
class SlaBreachJob {

    static final String BREACH_LOCK = "requests-sla-breaches";
    static final String PURGE_LOCK = "requests-submission-key-purge";
    private static final Logger log = LoggerFactory.getLogger(SlaBreachJob.class);

    private final DetectingSlaBreaches detecting;
    private final LockingTaskExecutor locks;
    private final SlaProperties properties;
    private final Duration keyRetention;

    SlaBreachJob(DetectingSlaBreaches detecting, LockProvider lockProvider, SlaProperties properties,
                @Value("${huduma.requests.submission-keys.retention:48h}") Duration keyRetention) {
        this.detecting = detecting;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.properties = properties;
        this.keyRetention = keyRetention;
    }

    @Scheduled(fixedDelayString = "${huduma.requests.sla.check-interval:5m}", initialDelayString = "30s")
    void checkBreaches() {
        locks.executeWithLock((Runnable) () -> {
            int announced = detecting.detect();
            if (announced > 0) {
                log.info("Announced {} SLA breach(es)", announced);
            }
        }, new LockConfiguration(Instant.now(), BREACH_LOCK, properties.lockAtMostFor(), Duration.ZERO));
    }

    @Scheduled(fixedDelayString = "1h", initialDelayString = "1m")
    void purgeKeys() {
        locks.executeWithLock((Runnable) () -> detecting.purgeSubmissionKeys(keyRetention),
                new LockConfiguration(Instant.now(), PURGE_LOCK, properties.lockAtMostFor(), Duration.ZERO));
    }
}
