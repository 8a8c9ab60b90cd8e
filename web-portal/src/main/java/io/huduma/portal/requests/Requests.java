package io.huduma.portal.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import io.huduma.portal.gateway.ApiResponse;
import io.huduma.portal.gateway.GatewayClient;
import tools.jackson.databind.JsonNode;

/** Requests through the gateway API: a citizen's own, and an agency's queue for its staff. */
@Component
public class Requests {

    /** One page of requests. */
    public record RequestPage(List<RequestView> items, int page, int totalPages, long totalItems) {

        public boolean hasNext() {
            return page + 1 < totalPages;
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    private final GatewayClient gateway;

    Requests(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public RequestView submit(String serviceId, JsonNode answers, String idempotencyKey) {
        ApiResponse created = gateway.send(HttpMethod.POST, "/api/v1/requests",
                Map.of("serviceId", serviceId, "answers", answers, "channel", "web"), Map.of("Idempotency-Key", idempotencyKey));
        return RequestView.of(created.body(), created.header(HttpHeaders.ETAG).orElse(null));
    }

    public RequestPage mine(int page, int size) {
        return page(gateway.get("/api/v1/requests?page=" + page + "&size=" + size).body());
    }

    public RequestPage queue(Map<String, String> filters, int page, int size) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/requests/queue");
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                uri.queryParam(name, value);
            }
        });
        return page(gateway.get(uri.queryParam("page", page).queryParam("size", size).encode().build().toUriString()).body());
    }

    public RequestView one(String id) {
        ApiResponse response = gateway.get("/api/v1/requests/" + safe(id));
        return RequestView.of(response.body(), response.header(HttpHeaders.ETAG).orElse(null));
    }

    public List<TimelineItem> timeline(String id) {
        JsonNode body = gateway.get("/api/v1/requests/" + safe(id) + "/timeline").body();
        JsonNode items = body.isArray() ? body : body.path("items");
        List<TimelineItem> timeline = new ArrayList<>();
        items.forEach(e -> timeline.add(TimelineItem.of(e)));
        return timeline;
    }

    public void respond(String id, JsonNode answers, String note) {
        Map<String, Object> body = note == null || note.isBlank() ? Map.of("answers", answers)
                : Map.of("answers", answers, "note", note.strip());
        gateway.post("/api/v1/requests/" + safe(id) + "/responses", body);
    }

    public void withdraw(String id, String reason) {
        gateway.post("/api/v1/requests/" + safe(id) + "/withdrawal",
                reason == null || reason.isBlank() ? Map.of() : Map.of("reason", reason.strip()));
    }

    public void assignToMe(String id) {
        gateway.post("/api/v1/requests/" + safe(id) + "/assignment", Map.of("assignee", "self"));
    }

    public void changeStatus(String id, String etag, String to, String note, boolean visible, String outcomeReference) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("to", to);
        boolean hasNote = note != null && !note.isBlank();
        if (hasNote) {
            body.put("note", note.strip());
        }
        // "visible" is about the note: without one there is nothing to show
        body.put("visibleToCitizen", visible && hasNote);
        if (outcomeReference != null && !outcomeReference.isBlank()) {
            body.put("outcomeReference", outcomeReference.strip());
        }
        gateway.send(HttpMethod.POST, "/api/v1/requests/" + safe(id) + "/status-changes", body, Map.of("If-Match", etag));
    }

    public void addNote(String id, String text, boolean visible) {
        gateway.post("/api/v1/requests/" + safe(id) + "/notes", Map.of("text", text == null ? "" : text.strip(),
                "visibleToCitizen", visible));
    }

    private static RequestPage page(JsonNode body) {
        List<RequestView> items = new ArrayList<>();
        body.path("items").forEach(r -> items.add(RequestView.of(r, null)));
        return new RequestPage(items, body.path("page").asInt(0), body.path("totalPages").asInt(0),
                body.path("totalItems").asLong(items.size()));
    }

    private static String safe(String id) {
        return GatewayClient.id(id);
    }
}
