package io.huduma.requests.request;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.huduma.requests.calendar.WorkingCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds open requests past their due date and announces each breach once: the request is marked
 * with a conditional update, and only the run whose update took announces it, so several replicas
 * (or a run overlapping another) never announce a breach twice.
 */
@Service
public class DetectingSlaBreaches {

    private static final int BATCH = 200;

    private final RequestRepository repository;
    private final RequestEventPublisher events;
    private final WorkingCalendar calendar;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DetectingSlaBreaches(RequestRepository repository, RequestEventPublisher events, WorkingCalendar calendar,
                         TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.calendar = calendar;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Announces every breach not announced yet; returns how many this run announced. */
    public int detect() {
        Instant now = clock.instant();
        LocalDate today = calendar.dateOf(now);
        int announced = 0;
        for (Request candidate : repository.breachCandidates(today, BATCH)) {
            if (!candidate.breachedAt(calendar, now)) {
                continue;
            }
            Boolean mine = transactions.execute(status -> {
                if (!repository.markBreached(candidate.id(), now)) {
                    return false;
                }
                repository.append(candidate.id(), new TimelineEntry(now, TimelineEntry.Kind.SLA_BREACHED, null, null,
                        TimelineEntry.SYSTEM, null, null, "due " + candidate.clock().dueDate(), false));
                events.slaBreached(candidate);
                return true;
            });
            if (Boolean.TRUE.equals(mine)) {
                announced++;
            }
        }
        return announced;
    }

    /** Forgets submission keys older than {@code retention} (at least a day, as the API promises). */
    public int purgeSubmissionKeys(java.time.Duration retention) {
        java.time.Duration kept = retention.compareTo(java.time.Duration.ofHours(24)) < 0 ? java.time.Duration.ofHours(24) : retention;
        return repository.purgeKeysBefore(clock.instant().minus(kept.toSeconds(), ChronoUnit.SECONDS));
    }
}
