package io.huduma.portal.requests;

import java.time.Instant;
import java.time.LocalDate;

import tools.jackson.databind.JsonNode;

/**
 * A request as the API shows it to this person ({@code citizenSubject} and {@code assignee} only for staff).
 * {@code etag} is the version the person saw, sent back with an officer's status change.
 */
public record RequestView(String id, String trackingNumber, String status, String serviceId, int serviceVersion,
                          String agencyCode, String serviceNameSw, String serviceNameEn, LocalDate dueDate, boolean onTime,
                          Instant submittedAt, Instant decidedAt, String outcomeReference, String visibleNote, int version,
                          String citizenSubject, String assignee, JsonNode answers, String etag) {

    static RequestView of(JsonNode r, String etag) {
        return new RequestView(r.path("id").asString(), r.path("trackingNumber").asString(), r.path("status").asString(),
                r.path("serviceId").asString(), r.path("serviceVersion").asInt(), r.path("agencyCode").asString(),
                r.path("serviceName").path("sw").asString(""), r.path("serviceName").path("en").asString(""),
                date(r.path("dueDate")), r.path("onTime").asBoolean(true), instant(r.path("submittedAt")),
                instant(r.path("decidedAt")), r.path("outcomeReference").asString(null), r.path("visibleNote").asString(null),
                r.path("version").asInt(), r.path("citizenSubject").asString(null), r.path("assignee").asString(null),
                r.path("answers"), etag);
    }

    public String serviceName(String lang) {
        String wanted = "en".equals(lang) ? serviceNameEn : serviceNameSw;
        return wanted == null || wanted.isBlank() ? ("en".equals(lang) ? serviceNameSw : serviceNameEn) : wanted;
    }

    /** Before a decision the citizen may still withdraw. */
    public boolean withdrawable() {
        return "SUBMITTED".equals(status) || "IN_REVIEW".equals(status) || "NEEDS_INFO".equals(status);
    }

    public boolean needsInfo() {
        return "NEEDS_INFO".equals(status);
    }

    public boolean decided() {
        return decidedAt != null || "APPROVED".equals(status) || "REJECTED".equals(status) || "COMPLETED".equals(status);
    }

    private static LocalDate date(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : LocalDate.parse(node.asString());
    }

    private static Instant instant(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : Instant.parse(node.asString());
    }
}
