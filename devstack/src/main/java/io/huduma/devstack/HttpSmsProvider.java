package io.huduma.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

/**
 * A simulated HTTP SMS provider (the platform's second SMS route): {@code POST /sms-http/send} with a
 * bearer API key and {@code {"from","to","text","callbackUrl"?}} answers {@code {"messageId","status"}}
 * and, when a callback URL is given, posts a delivery report to it.
 */
final class HttpSmsProvider {

    /** One message the provider accepted. */
    record HttpSms(String messageId, String from, String to, String text, String apiKey, String callbackUrl,
                   Instant receivedAt) {
    }

    /** What the send API answers: an HTTP status and a JSON body. */
    record Reply(int status, Map<String, Object> body) {
    }

    private final List<HttpSms> messages = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failStatus = 503;
    private final HttpClient callbacks = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json;

    HttpSmsProvider(JsonMapper json) {
        this.json = json;
    }

    Reply send(String authorization, Map<String, Object> request) {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            return new Reply(401, Map.of("error", "missing API key: send Authorization: Bearer <key>"));
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Reply(failStatus, Map.of("error", "simulated provider failure"));
        }
        String from = string(request, "from");
        String to = string(request, "to");
        String text = string(request, "text");
        if (to == null || !to.matches("\\+[1-9][0-9]{6,14}")) {
            return new Reply(400, Map.of("error", "'to' must be an E.164 number such as +255712345678"));
        }
        if (text == null || text.isEmpty()) {
            return new Reply(400, Map.of("error", "'text' is required"));
        }
        String callbackUrl = string(request, "callbackUrl");
        HttpSms sms = new HttpSms(UUID.randomUUID().toString(), from, to, text, authorization.substring(7),
                callbackUrl, Instant.now());
        messages.add(sms);
        if (callbackUrl != null && !callbackUrl.isBlank()) {
            report(sms);
        }
        return new Reply(200, Map.of("messageId", sms.messageId(), "status", "ACCEPTED"));
    }

    /** The next {@code count} sends fail with {@code status}, to test retries and fallbacks. */
    void failNext(int count, int status) {
        failStatus = status;
        failNext.set(count);
    }

    List<HttpSms> messages() {
        return List.copyOf(messages);
    }

    void clear() {
        messages.clear();
    }

    private void report(HttpSms sms) {
        String body = json.writeValueAsString(Map.of("messageId", sms.messageId(), "to", sms.to(),
                "status", "DELIVERED", "deliveredAt", Instant.now().toString()));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sms.callbackUrl()))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            callbacks.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        } catch (IllegalArgumentException e) {
            // a malformed callback URL: a real provider would drop the report too
        }
    }

    private static String string(Map<String, Object> request, String key) {
        Object value = request.get(key);
        return value == null ? null : value.toString();
    }
}
