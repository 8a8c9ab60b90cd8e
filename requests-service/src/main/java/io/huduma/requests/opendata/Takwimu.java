package io.huduma.requests.opendata;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.huduma.requests.calendar.SlaClock;
import io.huduma.requests.calendar.WorkingCalendar;

/**
 * Open statistics ("takwimu huria") from the requests' dates and outcomes, per agency, service and
 * month of submission: counts, median and 90th percentile working days to decision (time waiting on
 * the citizen left out) and the share decided within the SLA. Any cell built from fewer than
 * {@value #MIN_CELL} requests is suppressed (null), so no one can be singled out.
 */
public final class Takwimu {

    static final int MIN_CELL = 5;

    private final WorkingCalendar calendar;

    public Takwimu(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    List<StatisticsRow> compute(List<Decision> requests) {
        record Key(String month, String agency, UUID service) {
        }
        Map<Key, List<Decision>> groups = new TreeMap<>(Comparator.comparing(Key::month).thenComparing(Key::agency)
                .thenComparing(k -> k.service().toString()));
        for (Decision d : requests) {
            YearMonth month = YearMonth.from(calendar.dateOf(d.submittedAt()));
            groups.computeIfAbsent(new Key(month.toString(), d.agencyCode(), d.serviceId()), k -> new ArrayList<>()).add(d);
        }
        List<StatisticsRow> rows = new ArrayList<>();
        groups.forEach((key, group) -> rows.add(row(key.month(), key.agency(), key.service(), group)));
        return rows;
    }

    private StatisticsRow row(String month, String agency, UUID service, List<Decision> group) {
        List<Decision> decided = group.stream().filter(d -> isDecision(d.status()) && d.decidedAt() != null).toList();
        int approved = (int) group.stream().filter(d -> d.status().equals("APPROVED") || d.status().equals("COMPLETED")).count();
        int rejected = (int) group.stream().filter(d -> d.status().equals("REJECTED")).count();
        int withdrawn = (int) group.stream().filter(d -> d.status().equals("WITHDRAWN")).count();
        List<Integer> days = decided.stream()
                .map(d -> SlaClock.workingDaysToDecision(calendar, d.submittedAt(), d.decidedAt(), d.pausedWorkingDays()))
                .sorted().toList();
        long withinSla = decided.stream().filter(d -> !calendar.dateOf(d.decidedAt()).isAfter(d.dueDate())).count();
        boolean enoughDecided = decided.size() >= MIN_CELL;
        Decision latest = group.get(group.size() - 1);
        return new StatisticsRow(month, agency, service, latest.serviceNameSw(), latest.serviceNameEn(),
                cell(group.size()), cell(decided.size()), cell(approved), cell(rejected), cell(withdrawn),
                enoughDecided ? median(days) : null, enoughDecided ? percentile(days, 90) : null,
                enoughDecided ? Math.round(1000.0 * withinSla / decided.size()) / 1000.0 : null);
    }

    /** A count is shown when it is 0 or at least {@value #MIN_CELL}. */
    private static Integer cell(int count) {
        return count == 0 || count >= MIN_CELL ? count : null;
    }

    private static boolean isDecision(String status) {
        return status.equals("APPROVED") || status.equals("REJECTED") || status.equals("COMPLETED");
    }

    static double median(List<Integer> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** Nearest-rank percentile. */
    static int percentile(List<Integer> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
