package io.huduma.notifications.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of message the service sends and the placeholders each template of a kind may use, with
 * sample values (long-ish, as real ones can be) for previews and for the too-long check. A kind with a
 * suffix ({@code request-status-changed.NEEDS_INFO}) has its base kind's placeholders.
 */
public final class MessageKinds {

    public static final String OTP = "otp";
    public static final String CITIZEN_REGISTERED = "citizen-registered";
    public static final String REQUEST_SUBMITTED = "request-submitted";
    public static final String REQUEST_STATUS_CHANGED = "request-status-changed";
    public static final String REQUEST_SLA_BREACHED = "request-sla-breached";
    /** Answers to texts handsets write to the platform (HALI/STATUS, MSAADA/HELP, anything else). */
    public static final String SMS_STATUS = "sms-status";
    public static final String SMS_STATUS_NOT_FOUND = "sms-status-not-found";
    public static final String SMS_HELP = "sms-help";

    private static final Map<String, Map<String, String>> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put(OTP, Map.of("code", "123456", "validMinutes", "10", "purpose", "sign-up"));
        SAMPLES.put(CITIZEN_REGISTERED, Map.of("name", "Amina Mwanaisha Juma"));
        SAMPLES.put(REQUEST_SUBMITTED, Map.of("name", "Amina Mwanaisha Juma",
                "serviceName", "Usajili wa jina la biashara", "trackingNumber", "HDM-2026-000123",
                "dueDate", "2026-12-15"));
        SAMPLES.put(REQUEST_STATUS_CHANGED, Map.of("name", "Amina Mwanaisha Juma",
                "serviceName", "Usajili wa jina la biashara", "trackingNumber", "HDM-2026-000123",
                "status", "INAHITAJI TAARIFA", "note", "Tafadhali pakia nakala ya kitambulisho chako cha NIDA."));
        SAMPLES.put(REQUEST_SLA_BREACHED, Map.of("agencyName", "Business Registrations and Licensing Agency",
                "serviceName", "Usajili wa jina la biashara", "trackingNumber", "HDM-2026-000123",
                "dueDate", "2026-12-15"));
        SAMPLES.put(SMS_STATUS, Map.of("trackingNumber", "HD-7K3P-9QX2", "serviceName", "Usajili wa jina la biashara",
                "status", "INAHITAJI TAARIFA ZAIDI", "dueDate", "2026-12-15"));
        SAMPLES.put(SMS_STATUS_NOT_FOUND, Map.of("trackingNumber", "HD-7K3P-9QX2-XXXXXXXXXXX"));
        SAMPLES.put(SMS_HELP, Map.of());
    }

    private MessageKinds() {
    }

    /** The base kind of {@code kind}: the part before the first dot. */
    public static String base(String kind) {
        int dot = kind.indexOf('.');
        return dot < 0 ? kind : kind.substring(0, dot);
    }

    /** Sample values of the kind's placeholders; empty for an unknown kind. */
    public static Optional<Map<String, String>> samples(String kind) {
        return Optional.ofNullable(SAMPLES.get(base(kind)));
    }

    /** Every known base kind. */
    public static List<String> all() {
        return List.copyOf(SAMPLES.keySet());
    }
}
