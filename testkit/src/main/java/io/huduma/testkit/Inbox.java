package io.huduma.testkit;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the devstack's SMTP server, SMSC simulator and HTTP SMS provider received, read through its inbox
 * API ({@link Infra#inboxUrl()}), with waits that return the message so a test can assert on it:
 *
 * <pre>{@code
 * Inbox.Sms sms = Inbox.awaitSmsTo("+255712345678");
 * assertThat(sms.text()).contains("HDM-2026-");
 * }</pre>
 *
 * The inbox is shared by the whole build: match on something unique to the test (a recipient, a
 * tracking number) rather than counting messages, or {@link #clear()} first.
 */
public final class Inbox {

    /** How long the {@code await...To} shortcuts wait. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A mail the SMTP server received. {@code body} is the text part, or the HTML one if there is no text. */
    public record Mail(String messageId, String from, List<String> to, List<String> cc, String subject, String body,
                       String html, String language, List<String> attachments, Instant sentAt) {
    }

    /** A message the SMSC received over SMPP (long messages joined); {@code dataCoding} as submitted. */
    public record Sms(String messageId, String systemId, String source, String destination, String text,
                      int dataCoding, boolean receiptRequested, int parts, Instant receivedAt) {
    }

    /** A message the HTTP SMS provider accepted; {@code apiKey} is the bearer key the sender used. */
    public record HttpSms(String messageId, String from, String to, String text, String apiKey, String callbackUrl,
                          Instant receivedAt) {
    }

    private Inbox() {
    }

    public static List<Mail> mails() {
        return list("/mail", Mail.class);
    }

    public static List<Sms> sms() {
        return list("/sms", Sms.class);
    }

    public static List<HttpSms> httpSms() {
        return list("/sms-http", HttpSms.class);
    }

    /** Waits for a mail matching {@code match}; fails listing what did arrive. */
    public static Mail awaitMail(Predicate<Mail> match, Duration timeout) {
        return await("mail", Inbox::mails, match, timeout);
    }

    /** Waits for a mail to {@code address}. */
    public static Mail awaitMailTo(String address) {
        return awaitMail(m -> m.to().stream().anyMatch(to -> to.contains(address)), DEFAULT_TIMEOUT);
    }

    /** Waits for an SMPP message matching {@code match}. */
    public static Sms awaitSms(Predicate<Sms> match, Duration timeout) {
        return await("SMS (SMPP)", Inbox::sms, match, timeout);
    }

    /** Waits for an SMPP message to {@code destination} (as submitted, e.g. {@code +255712345678}). */
    public static Sms awaitSmsTo(String destination) {
        return awaitSms(s -> destination.equals(s.destination()), DEFAULT_TIMEOUT);
    }

    /** Waits for a message the HTTP provider accepted matching {@code match}. */
    public static HttpSms awaitHttpSms(Predicate<HttpSms> match, Duration timeout) {
        return await("SMS (HTTP provider)", Inbox::httpSms, match, timeout);
    }

    /** Waits for a message the HTTP provider accepted for {@code to}. */
    public static HttpSms awaitHttpSmsTo(String to) {
        return awaitHttpSms(s -> to.equals(s.to()), DEFAULT_TIMEOUT);
    }

    /** Empties the mailbox, the SMSC inbox and the HTTP provider's list. */
    public static void clear() {
        call("DELETE", "/");
    }

    public static void clearMail() {
        call("DELETE", "/mail");
    }

    public static void clearSms() {
        call("DELETE", "/sms");
    }

    public static void clearHttpSms() {
        call("DELETE", "/sms-http");
    }

    /** The SMSC refuses the next {@code count} submissions with {@code ESME_RSYSERR}. */
    public static void rejectNextSms(int count) {
        call("POST", "/sms/reject-next?count=" + count);
    }

    /** The HTTP provider answers the next {@code count} sends with HTTP {@code status}. */
    public static void failNextHttpSms(int count, int status) {
        call("POST", "/sms-http/fail-next?count=" + count + "&status=" + status);
    }

    /** The HTTP SMS provider's send endpoint ({@code POST}, bearer API key, JSON {@code from, to, text}). */
    public static String httpSmsSendUrl() {
        return Infra.inboxUrl() + "/sms-http/send";
    }

    private static <T> T await(String what, java.util.function.Supplier<List<T>> read, Predicate<T> match,
                               Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> seen = List.of();
        while (true) {
            seen = read.get();
            for (T item : seen) {
                if (match.test(item)) {
                    return item;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No matching " + what + " within " + timeout + ". Received: " + seen);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }

    private static <T> List<T> list(String path, Class<T> type) {
        JavaType listType = JSON.getTypeFactory().constructCollectionType(List.class, type);
        return JSON.readValue(call("GET", path), listType);
    }

    private static String call(String method, String path) {
        URI uri = URI.create(Infra.inboxUrl() + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + uri + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("The devstack inbox is not reachable at " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
