package io.huduma.identity.profile;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes expired phone changes; one instance at a time. */
@Component
class PhoneChangePurge {

    private final ChangingPhoneNumbers changing;

    PhoneChangePurge(ChangingPhoneNumbers changing) {
        this.changing = changing;
    }

    @Scheduled(fixedDelayString = "${huduma.identity.purge-interval:5m}", initialDelayString = "${huduma.identity.purge-interval:5m}")
    @SchedulerLock(name = "identity-phone-change-purge", lockAtMostFor = "5m")
    void purge() {
        changing.purgeExpired();
    }
}
