package io.huduma.notifications.inbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Answering the texts handsets write to the platform.
 *
 * @param repliesPerNumber answers one number gets at once, and again over each {@code period}
 * @param period           over which a number's allowance refills
 * @param duplicateWindow  the same text from the same number (with the same SMSC reference) within this
 *                         time is a redelivery and gets no second answer
 * @param retention        how long a received message's record is kept
 * @param workers          messages answered in parallel
 * @param sweepInterval    how often messages left unanswered (requests-service down, a crash) are taken again
 * @param maxAttempts      lookups of one message before it is given up (FAILED, not answered)
 */
@ConfigurationProperties("huduma.notifications.inbound")
record InboundSmsProperties(Integer repliesPerNumber, Duration period, Duration duplicateWindow, Duration retention,
                            Integer workers, Duration sweepInterval, Integer maxAttempts) {

    InboundSmsProperties {
        repliesPerNumber = repliesPerNumber == null ? 5 : repliesPerNumber;
        period = period == null ? Duration.ofMinutes(10) : period;
        duplicateWindow = duplicateWindow == null ? Duration.ofMinutes(10) : duplicateWindow;
        retention = retention == null ? Duration.ofDays(7) : retention;
        workers = workers == null ? 4 : workers;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
    }
}
