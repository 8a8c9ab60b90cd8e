package io.huduma.ussd.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes expired sessions (with the phone and answers they held). Safe on every replica at once. */
@Component
class SessionPurgeJob {

    private static final Logger log = LoggerFactory.getLogger(SessionPurgeJob.class);

    private final PlayingSessions sessions;

    SessionPurgeJob(PlayingSessions sessions) {
        this.sessions = sessions;
    }

    @Scheduled(fixedDelayString = "${huduma.ussd.session.purge-interval:30s}", initialDelayString = "${huduma.ussd.session.purge-interval:30s}")
    void purge() {
        int purged = sessions.purgeExpired();
        if (purged > 0) {
            log.info("{} expired USSD sessions deleted", purged);
        }
    }
}
