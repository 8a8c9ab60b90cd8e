package io.huduma.devstack.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the fault-injection run did and saw, and the table it adds up to. A <em>step</em> is one change the
 * platform acknowledged (2xx): a submission or a status change. Each must give exactly one event on the
 * requests topic and exactly one SMS to the citizen. Per phase (the quiet start, then each fault with the
 * quiet period after it) the table counts steps acknowledged, steps with their event, steps with their SMS,
 * <b>lost</b> (no event, or an event but no SMS) and <b>duplicated</b> (more than one SMS), and the time
 * from the fault's end to the first acknowledged submission and the first SMS after it.
 */
final class Ledger {

    /** A step the platform acknowledged: {@code status} is SUBMITTED for a submission, else the new status. */
    record Step(String requestId, String trackingNumber, String status, Instant acknowledgedAt) {
    }

    /**
     * A record on the requests topic: {@code status} SUBMITTED for RequestSubmitted, else the new status;
     * {@code position} is its partition and offset (the same record read again is counted once).
     */
    record Event(String eventId, String requestId, String status, String position, Instant seenAt) {
    }

    /** An SMS the SMSC received, read back as the step it announces. */
    record Sms(String trackingNumber, String status, Instant receivedAt) {
    }

    /** A phase starts at {@code start}; a fault's phase names when the fault ended (null for the quiet start). */
    record Phase(String name, Instant start, Instant faultEnd) {
    }

    /** One line of the table. Recovery times are null when nothing came after the fault's end. */
    record Row(String phase, long fromSecond, long toSecond, int acknowledged, int retried, int failed, int events,
               int sms, int lost, int duplicated, Duration toSubmission, Duration toSms) {
    }

    /**
     * The table and the items behind its lost and duplicated counts; {@code publishedAgain}: records on the topic
     * that carry an event id an earlier record had (the outbox's at-least-once, which consumers must absorb).
     */
    record Report(List<Row> rows, Row total, List<String> lost, List<String> duplicated, int unacknowledgedEvents,
                  int publishedAgain) {
    }

    private static final Pattern TRACKING = Pattern.compile("\\bHD(?:-[0-9A-Z]+)+");
    private static final Pattern NOW = Pattern.compile("is now ([A-Za-z ]+)\\.");

    private final List<Step> steps = new ArrayList<>();
    private final List<Instant> failures = new ArrayList<>();
    private final List<Instant> retries = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final Set<String> positions = new HashSet<>();
    private final List<Phase> phases = new ArrayList<>();
    private List<Sms> sms = List.of();

    synchronized void acknowledged(Step step) {
        steps.add(step);
    }

    /** An attempt that got no 2xx in the end (after its retries). */
    synchronized void failed(Instant at) {
        failures.add(at);
    }

    /** An attempt that got no 2xx (no answer, 5xx, 429, a stale ETag) and is tried again. */
    synchronized void retried(Instant at) {
        retries.add(at);
    }

    synchronized void event(Event event) {
        if (positions.add(event.position())) {
            events.add(event);
        }
    }

    synchronized void phase(Phase phase) {
        phases.add(phase);
    }

    /** Replaces what the SMSC received so far (it is read again as a whole). */
    synchronized void sms(List<Sms> received) {
        sms = List.copyOf(received);
    }

    synchronized int acknowledgedCount() {
        return steps.size();
    }

    synchronized int eventCount() {
        return events.size();
    }

    /** Acknowledged steps still without an SMS. */
    synchronized int awaitingSms() {
        Set<String> told = new HashSet<>();
        sms.forEach(s -> told.add(s.trackingNumber() + "/" + s.status()));
        return (int) steps.stream().filter(s -> !told.contains(s.trackingNumber() + "/" + s.status())).count();
    }

    /**
     * The step an SMS announces, from the English templates of notifications-service ("Application HD-... was
     * approved..."); null when the text names no tracking number (a sign-up code) or no known status.
     */
    static Sms read(String text, Instant receivedAt) {
        Matcher tracking = TRACKING.matcher(text);
        if (!tracking.find()) {
            return null;
        }
        String status;
        if (text.contains("was received")) {
            status = "SUBMITTED";
        } else if (text.contains("being reviewed")) {
            status = "IN_REVIEW";
        } else if (text.contains("was approved")) {
            status = "APPROVED";
        } else if (text.contains("needs more information")) {
            status = "NEEDS_INFO";
        } else if (text.contains("was rejected")) {
            status = "REJECTED";
        } else if (text.contains("is complete")) {
            status = "COMPLETED";
        } else {
            Matcher now = NOW.matcher(text);
            if (!now.find()) {
                return null;
            }
            status = now.group(1).trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        }
        return new Sms(tracking.group(), status, receivedAt);
    }

    synchronized Report report(Instant end) {
        Map<String, Set<String>> eventIds = new HashMap<>();
        Map<String, Integer> eventRecords = new HashMap<>();
        for (Event e : events) {
            String key = e.requestId() + "/" + e.status();
            eventIds.computeIfAbsent(key, k -> new HashSet<>()).add(e.eventId());
            eventRecords.merge(key, 1, Integer::sum);
        }
        Map<String, List<Instant>> smsTimes = new HashMap<>();
        sms.forEach(s -> smsTimes.computeIfAbsent(s.trackingNumber() + "/" + s.status(), k -> new ArrayList<>())
                .add(s.receivedAt()));

        List<Phase> ordered = phases.stream().sorted(Comparator.comparing(Phase::start)).toList();
        Instant origin = ordered.isEmpty() ? end : ordered.get(0).start();
        List<Row> rows = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        Set<String> acknowledgedKeys = new HashSet<>();
        steps.forEach(s -> acknowledgedKeys.add(s.requestId() + "/" + s.status()));
        for (int i = 0; i < ordered.size(); i++) {
            Phase phase = ordered.get(i);
            Instant until = i + 1 < ordered.size() ? ordered.get(i + 1).start() : end;
            int acknowledged = 0;
            int withEvent = 0;
            int withSms = 0;
            int lostHere = 0;
            int duplicatedHere = 0;
            for (Step step : steps) {
                if (!within(step.acknowledgedAt(), phase.start(), until)) {
                    continue;
                }
                acknowledged++;
                String byId = step.requestId() + "/" + step.status();
                List<Instant> times = smsTimes.getOrDefault(step.trackingNumber() + "/" + step.status(), List.of());
                int told = times.size();
                boolean published = eventIds.containsKey(byId);
                if (published) {
                    withEvent++;
                }
                if (told > 0) {
                    withSms++;
                }
                if (!published || told == 0) {
                    lostHere++;
                    lost.add(phase.name() + ": " + step.trackingNumber() + " " + step.status() + " acknowledged at "
                            + step.acknowledgedAt() + (published ? ", event published, no SMS" : ", no event")
                            + (!published && told > 0 ? " (but an SMS)" : ""));
                }
                if (told > 1) {
                    duplicatedHere++;
                    duplicated.add(phase.name() + ": " + step.trackingNumber() + " " + step.status() + ": " + told
                            + " SMS (received " + times.stream().sorted().map(Instant::toString).toList() + "), "
                            + eventIds.getOrDefault(byId, Set.of()).size() + " event id(s)");
                }
            }
            int failed = (int) failures.stream().filter(f -> within(f, phase.start(), until)).count();
            int retried = (int) retries.stream().filter(r -> within(r, phase.start(), until)).count();
            Duration toSubmission = null;
            Duration toSms = null;
            if (phase.faultEnd() != null) {
                toSubmission = steps.stream().filter(s -> "SUBMITTED".equals(s.status()))
                        .map(Step::acknowledgedAt).filter(at -> !at.isBefore(phase.faultEnd()))
                        .min(Comparator.naturalOrder()).map(at -> Duration.between(phase.faultEnd(), at)).orElse(null);
                toSms = sms.stream().map(Sms::receivedAt).filter(at -> !at.isBefore(phase.faultEnd()))
                        .min(Comparator.naturalOrder()).map(at -> Duration.between(phase.faultEnd(), at)).orElse(null);
            }
            rows.add(new Row(phase.name(), Duration.between(origin, phase.start()).toSeconds(),
                    Duration.between(origin, until).toSeconds(), acknowledged, retried, failed, withEvent, withSms, lostHere,
                    duplicatedHere, toSubmission, toSms));
        }
        Row total = new Row("total", 0, Duration.between(origin, end).toSeconds(),
                rows.stream().mapToInt(Row::acknowledged).sum(), rows.stream().mapToInt(Row::retried).sum(),
                rows.stream().mapToInt(Row::failed).sum(),
                rows.stream().mapToInt(Row::events).sum(), rows.stream().mapToInt(Row::sms).sum(),
                rows.stream().mapToInt(Row::lost).sum(), rows.stream().mapToInt(Row::duplicated).sum(), null, null);
        int unacknowledged = (int) eventIds.keySet().stream().filter(k -> !acknowledgedKeys.contains(k)).count();
        int publishedAgain = eventRecords.values().stream().mapToInt(Integer::intValue).sum()
                - eventIds.values().stream().mapToInt(Set::size).sum();
        return new Report(rows, total, lost, duplicated, unacknowledged, publishedAgain);
    }

    /** The report as the table {@code ./huduma chaos} prints. */
    static String table(Report report) {
        StringBuilder out = new StringBuilder();
        String format = "| %-34s | %9s | %5s | %7s | %6s | %6s | %5s | %4s | %10s | %17s | %10s |%n";
        out.append(String.format(format, "phase (fault, then quiet period)", "seconds", "acked", "retried", "failed",
                "events", "SMS", "lost", "duplicated", "to 1st submission", "to 1st SMS"));
        out.append(String.format(format, "-".repeat(34), "-".repeat(9), "-".repeat(5), "-".repeat(7), "-".repeat(6),
                "-".repeat(6), "-".repeat(5), "-".repeat(4), "-".repeat(10), "-".repeat(17), "-".repeat(10)));
        List<Row> all = new ArrayList<>(report.rows());
        all.add(report.total());
        for (Row row : all) {
            out.append(String.format(format, row.phase(), row.fromSecond() + "-" + row.toSecond(), row.acknowledged(),
                    row.retried(), row.failed(), row.events(), row.sms(), row.lost(), row.duplicated(),
                    row == report.total() ? "" : seconds(row.toSubmission()),
                    row == report.total() ? "" : seconds(row.toSms())));
        }
        return out.toString();
    }

    private static String seconds(Duration duration) {
        return duration == null ? "-" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static boolean within(Instant at, Instant from, Instant until) {
        return !at.isBefore(from) && at.isBefore(until);
    }
}
