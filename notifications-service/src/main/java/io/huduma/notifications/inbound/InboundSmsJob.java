package io.huduma.notifications.inbound;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every {@code sweep-interval}: answers the messages left unanswered (requests-service was down, an
 * instance stopped mid-way), forgets records older than {@code retention} and idle reply allowances.
 * Safe on several instances: a message is answered by whoever claims it.
 */
@Component
class InboundSmsJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboundSmsJob.class);

    private final InboundSmsRepository repository;
    private final AnsweringTextMessages answering;
    private final ReplyLimits limits;
    private final InboundSmsProperties properties;
    private ScheduledExecutorService timer;

    InboundSmsJob(InboundSmsRepository repository, AnsweringTextMessages answering, ReplyLimits limits,
                  InboundSmsProperties properties) {
        this.repository = repository;
        this.answering = answering;
        this.limits = limits;
        this.properties = properties;
    }

    void sweep() {
        try {
            for (java.util.UUID id : repository.unanswered(properties.sweepInterval(), 100)) {
                answering.answer(id);
            }
            int forgotten = repository.deleteOlderThan(properties.retention());
            if (forgotten > 0) {
                log.info("Forgot {} received messages older than {}", forgotten, properties.retention());
            }
            limits.forgetIdle();
        } catch (RuntimeException e) {
            log.warn("Inbound SMS sweep failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "inbound-sms-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.sweepInterval().toMillis();
        timer.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
