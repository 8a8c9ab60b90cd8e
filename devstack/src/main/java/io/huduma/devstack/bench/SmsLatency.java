package io.huduma.devstack.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The accounting of the event-to-SMS benchmark (bench/sms.sh, {@link SmsLatencyRun}): which of the run's
 * events reached the SMSC as an SMS, which were lost, which were sent more than once, and the latency from
 * the event's time (its envelope's {@code time}) to the SMSC's receipt of the first SMS that announces it.
 * An SMS is attributed to its event by the event's tracking number in its text; an SMS whose text names
 * none of the run's tracking numbers (another user of the shared SMSC, an earlier run) is not counted.
 */
final class SmsLatency {

    /** An event the run published: its tracking number, the phone of its citizen, the envelope's time. */
    record Event(String trackingNumber, String destination, Instant time) {
    }

    /** A message a provider took: the SMSC ({@code route} smpp) or the HTTP SMS provider ({@code http}). */
    record Sms(String destination, String text, Instant receivedAt, String route) {
    }

    /**
     * The figures: {@code received} events with at least one SMS at the right phone, {@code lost} events with
     * none, {@code duplicated} events with more than one ({@code extraCopies} SMS beyond the first),
     * {@code misdirected} SMS naming a run's event but sent to another phone, {@code viaHttp} events whose
     * first SMS went through the HTTP provider; latencies in milliseconds over the received events.
     */
    record Report(int sent, int received, int lost, int duplicated, int extraCopies, int misdirected, int viaHttp,
                  long p50, long p90, long p99, long max, List<String> lostExamples, List<String> duplicatedExamples) {
    }

    private static final int EXAMPLES = 5;

    private SmsLatency() {
    }

    /** The tracking numbers of one run: {@code HD-<tag>-<phase letter><sequence>}. */
    static String trackingNumber(String tag, char phase, int sequence) {
        return "HD-" + tag + "-" + phase + String.format("%06d", sequence);
    }

    /** Finds a tracking number of the run {@code tag} in an SMS text. */
    static Pattern trackingPattern(String tag) {
        return Pattern.compile("HD-" + Pattern.quote(tag) + "-[A-Z][0-9]+");
    }

    static Report report(Collection<Event> events, Collection<Sms> received, Pattern tracking) {
        Map<String, Event> byTracking = new HashMap<>();
        events.forEach(e -> byTracking.put(e.trackingNumber(), e));
        Map<String, List<Sms>> told = new HashMap<>();
        int misdirected = 0;
        for (Sms sms : received) {
            Matcher m = tracking.matcher(sms.text());
            if (!m.find()) {
                continue;
            }
            Event event = byTracking.get(m.group());
            if (event == null) {
                continue;
            }
            if (!digits(event.destination()).equals(digits(sms.destination()))) {
                misdirected++;
                continue;
            }
            told.computeIfAbsent(event.trackingNumber(), k -> new ArrayList<>()).add(sms);
        }
        List<Long> latencies = new ArrayList<>();
        List<String> lostExamples = new ArrayList<>();
        List<String> duplicatedExamples = new ArrayList<>();
        int lost = 0;
        int duplicated = 0;
        int extraCopies = 0;
        int viaHttp = 0;
        for (Event event : events) {
            List<Sms> copies = told.getOrDefault(event.trackingNumber(), List.of());
            if (copies.isEmpty()) {
                lost++;
                if (lostExamples.size() < EXAMPLES) {
                    lostExamples.add(event.trackingNumber() + " to " + event.destination() + " at " + event.time());
                }
                continue;
            }
            Sms first = copies.stream().min((a, b) -> a.receivedAt().compareTo(b.receivedAt())).orElseThrow();
            latencies.add(Duration.between(event.time(), first.receivedAt()).toMillis());
            if ("http".equals(first.route())) {
                viaHttp++;
            }
            if (copies.size() > 1) {
                duplicated++;
                extraCopies += copies.size() - 1;
                if (duplicatedExamples.size() < EXAMPLES) {
                    duplicatedExamples.add(event.trackingNumber() + ": " + copies.size() + " SMS at "
                            + copies.stream().map(s -> s.route() + " " + s.receivedAt()).toList());
                }
            }
        }
        latencies.sort(null);
        return new Report(events.size(), latencies.size(), lost, duplicated, extraCopies, misdirected, viaHttp,
                percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1), lostExamples, duplicatedExamples);
    }

    /** The nearest-rank percentile of sorted values (0 for none). */
    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(rank, sorted.size()) - 1));
    }

    /** How many of the events have an SMS (the drain's progress), counted as {@link #report} does. */
    static int withSms(Collection<Event> events, Collection<Sms> received, Pattern tracking) {
        return report(events, received, tracking).received();
    }

    private static String digits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }
}
