package io.huduma.portal.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One agency's open statistics as a bar chart drawn on the server (SVG, no script): requests submitted per
 * month, with the months' figures also in a table. A month whose count was suppressed (1 to 4 requests)
 * is drawn as an empty bar labelled "1-4".
 */
public record AgencyChart(String agencyCode, List<Month> months, List<Bar> bars, int width, int height, int max) {

    /** One month of an agency: sums over its services; null where every service's figure was suppressed. */
    public record Month(String month, Integer submitted, Integer decided, Integer approved, Double withinSla) {
    }

    /** A bar and its labels, in SVG coordinates. */
    public record Bar(int x, int y, int width, int height, String value, String month, int labelY) {
    }

    static final int BAR = 36;
    static final int GAP = 12;
    static final int PLOT = 140;
    static final int TOP = 20;

    static AgencyChart of(String agencyCode, List<Map<String, Object>> rows) {
        Map<String, int[]> sums = new TreeMap<>();
        Map<String, boolean[]> known = new TreeMap<>();
        Map<String, double[]> sla = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            String month = String.valueOf(row.get("month"));
            int[] s = sums.computeIfAbsent(month, m -> new int[3]);
            boolean[] k = known.computeIfAbsent(month, m -> new boolean[3]);
            double[] w = sla.computeIfAbsent(month, m -> new double[2]);
            String[] fields = {"submitted", "decided", "approved"};
            for (int i = 0; i < fields.length; i++) {
                if (row.get(fields[i]) instanceof Number n) {
                    s[i] += n.intValue();
                    k[i] = true;
                }
            }
            if (row.get("decidedWithinSlaShare") instanceof Number share && row.get("decided") instanceof Number decided) {
                w[0] += share.doubleValue() * decided.doubleValue();
                w[1] += decided.doubleValue();
            }
        }
        List<Month> months = new ArrayList<>();
        sums.forEach((month, s) -> {
            boolean[] k = known.get(month);
            double[] w = sla.get(month);
            months.add(new Month(month, k[0] ? s[0] : null, k[1] ? s[1] : null, k[2] ? s[2] : null,
                    w[1] > 0 ? Math.round(w[0] / w[1] * 1000) / 1000.0 : null));
        });
        List<Month> shown = months.size() > 12 ? months.subList(months.size() - 12, months.size()) : months;
        int max = Math.max(1, shown.stream().mapToInt(m -> m.submitted() == null ? 0 : m.submitted()).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Month m = shown.get(i);
            int value = m.submitted() == null ? 0 : m.submitted();
            int h = (int) Math.round(value * (double) PLOT / max);
            int x = GAP + i * (BAR + GAP);
            bars.add(new Bar(x, TOP + PLOT - h, BAR, h, m.submitted() == null ? "1-4" : String.valueOf(value),
                    m.month().length() >= 7 ? m.month().substring(2) : m.month(), TOP + PLOT - h - 4));
        }
        int width = Math.max(200, GAP + shown.size() * (BAR + GAP));
        return new AgencyChart(agencyCode, new ArrayList<>(months), bars, width, TOP + PLOT + 24, max);
    }

    /** Where the month labels go. */
    public int axisY() {
        return TOP + PLOT + 16;
    }

    public int baseline() {
        return TOP + PLOT;
    }
}
