package io.huduma.requests.opendata;

import java.util.UUID;

/**
 * Open statistics of one service in one month of submission (Africa/Dar_es_Salaam). A null number is
 * a suppressed cell: it would have been built from fewer than 5 requests.
 */
public record StatisticsRow(String month, String agencyCode, UUID serviceId, String serviceNameSw, String serviceNameEn,
                            Integer submitted, Integer decided, Integer approved, Integer rejected, Integer withdrawn,
                            Double medianWorkingDaysToDecision, Integer p90WorkingDaysToDecision,
                            Double decidedWithinSlaShare) {

    static final String CSV_HEADER = "month,agencyCode,serviceId,serviceNameSw,serviceNameEn,submitted,decided,approved,"
            + "rejected,withdrawn,medianWorkingDaysToDecision,p90WorkingDaysToDecision,decidedWithinSlaShare";

    String csv() {
        return String.join(",", month, agencyCode, serviceId.toString(), quote(serviceNameSw), quote(serviceNameEn),
                s(submitted), s(decided), s(approved), s(rejected), s(withdrawn), s(medianWorkingDaysToDecision),
                s(p90WorkingDaysToDecision), s(decidedWithinSlaShare));
    }

    private static String s(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
