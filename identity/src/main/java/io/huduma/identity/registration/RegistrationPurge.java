package io.huduma.identity.registration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes expired sign-ups on a schedule; ShedLock lets one instance at a time do it. */
@Component
class RegistrationPurge {

    private static final Logger log = LoggerFactory.getLogger(RegistrationPurge.class);

    private final RegisteringCitizens registering;

    RegistrationPurge(RegisteringCitizens registering) {
        this.registering = registering;
    }

    @Scheduled(fixedDelayString = "${huduma.identity.purge-interval:5m}", initialDelayString = "${huduma.identity.purge-interval:5m}")
    @SchedulerLock(name = "identity-registration-purge", lockAtMostFor = "5m")
    void purge() {
        int purged = registering.purgeExpired();
        if (purged > 0) {
            log.info("Purged {} expired sign-ups", purged);
        }
    }
}
