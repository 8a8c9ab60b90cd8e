package io.huduma.ussd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One USSD session played like an aggregator: every callback carries all inputs so far in {@code text}.
 * Every screen is checked to fit 182 characters and to start with {@code CON } or {@code END }.
 */
final class UssdSession {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    final String sessionId = "ATUid_" + UUID.randomUUID().toString().replace("-", "");
    final String phone;
    private final int port;
    private final String key;
    private final List<String> inputs = new ArrayList<>();
    final List<String> screens = java.util.Collections.synchronizedList(new ArrayList<>());

    UssdSession(int port, String key, String phone) {
        this.port = port;
        this.key = key;
        this.phone = phone;
    }

    /** The first callback (empty text). */
    Reply start() {
        return send();
    }

    /** The caller types {@code input}. */
    Reply press(String input) {
        inputs.add(input);
        return send();
    }

    /** The caller types {@code input} and the aggregator sends that callback twice at the same time. */
    List<Reply> pressTwiceAtOnce(String input) {
        inputs.add(input);
        java.util.concurrent.CompletableFuture<Reply> other = java.util.concurrent.CompletableFuture.supplyAsync(this::send);
        Reply one = send();
        return List.of(one, other.join());
    }

    /** The same callback again (an aggregator's retry). */
    Reply repeat() {
        return send();
    }

    String text() {
        return String.join("*", inputs);
    }

    private Reply send() {
        Reply reply = post(port, Map.of("sessionId", sessionId, "serviceCode", "*152*00#", "phoneNumber", phone, "text", text()),
                Map.of("X-Ussd-Key", key));
        assertThat(reply.status()).as("callback status for %s", reply.body()).isEqualTo(200);
        screens.add(reply.body());
        return reply;
    }

    /** The aggregator's answer. */
    record Reply(int status, String body, String contentType) {

        boolean ends() {
            return body.startsWith("END ");
        }

        boolean continues() {
            return body.startsWith("CON ");
        }
    }

    /** One raw callback (form encoded) with the given headers. */
    static Reply post(int port, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(port, "application/x-www-form-urlencoded", body, headers);
    }

    static Reply send(int port, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ussd/callback"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Reply reply = new Reply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
            if (reply.status() == 200) {
                assertThat(reply.body()).as("every screen fits a USSD screen").hasSizeLessThanOrEqualTo(182)
                        .matches("(?s)(CON|END) .+");
            }
            return reply;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
