package io.huduma.identity.code;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets old code sends (they count for an hour); one instance at a time. */
@Component
class CodeSendPurge {

    private final SendingCodes sending;

    CodeSendPurge(SendingCodes sending) {
        this.sending = sending;
    }

    @Scheduled(fixedDelayString = "${huduma.identity.purge-interval:5m}", initialDelayString = "${huduma.identity.purge-interval:5m}")
    @SchedulerLock(name = "identity-code-send-purge", lockAtMostFor = "5m")
    void purge() {
        sending.purgeOldSends();
    }
}
