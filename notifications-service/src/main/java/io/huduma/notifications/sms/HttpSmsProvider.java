package io.huduma.notifications.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The second SMS route: an aggregator's HTTP API ({@code POST {from,to,text,callbackUrl}} with a bearer
 * API key, answering {@code {messageId,status}}); its delivery reports come back to
 * {@code /api/v1/notifications/sms-receipts/http}.
 */
public class HttpSmsProvider implements SmsProvider {

    static final String CALLBACK_PATH = "/api/v1/notifications/sms-receipts/http";

    private final SmsProperties.Http config;
    private final String sender;
    private final Supplier<String> callbackBaseUrl;
    private final JsonMapper json;
    private final HttpClient client;

    public HttpSmsProvider(SmsProperties.Http config, String sender, Supplier<String> callbackBaseUrl, JsonMapper json) {
        this.config = config;
        this.sender = sender;
        this.callbackBaseUrl = callbackBaseUrl;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public int priority() {
        return config.priority();
    }

    @Override
    public double messagesPerSecond() {
        return config.messagesPerSecond();
    }

    @Override
    public String send(String destination, String text) throws SmsNotSent {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", sender);
        body.put("to", destination);
        body.put("text", text);
        body.put("callbackUrl", callbackBaseUrl.get() + CALLBACK_PATH + "?key="
                + URLEncoder.encode(config.callbackKey(), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.url()))
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + config.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SmsNotSent("HTTP SMS provider unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsNotSent("interrupted while sending", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SmsNotSent("HTTP SMS provider answered " + response.statusCode());
        }
        try {
            JsonNode answer = json.readTree(response.body());
            String messageId = answer.path("messageId").asString("");
            if (messageId.isBlank()) {
                throw new SmsNotSent("HTTP SMS provider answered without a messageId");
            }
            return messageId;
        } catch (JacksonException e) {
            throw new SmsNotSent("HTTP SMS provider answered unreadable JSON", e);
        }
    }
}
