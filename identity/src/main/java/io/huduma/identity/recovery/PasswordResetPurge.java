package io.huduma.identity.recovery;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes expired password resets; one instance at a time. */
@Component
class PasswordResetPurge {

    private final ResettingPasswords resetting;

    PasswordResetPurge(ResettingPasswords resetting) {
        this.resetting = resetting;
    }

    @Scheduled(fixedDelayString = "${huduma.identity.purge-interval:5m}", initialDelayString = "${huduma.identity.purge-interval:5m}")
    @SchedulerLock(name = "identity-password-reset-purge", lockAtMostFor = "5m")
    void purge() {
        resetting.purgeExpired();
    }
}
