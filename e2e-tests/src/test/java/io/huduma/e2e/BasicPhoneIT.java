package io.huduma.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.huduma.testkit.Inbox;
import org.junit.jupiter.api.Test;

/**
 * Journey 5: a basic phone, through the gateway as a USSD aggregator would call it: a phone with no
 * account registers from the menu, applies for BRELA's business-name check (a USSD service of the demo
 * catalogue) one question per screen, the final step is sent twice and makes one request, the receipt
 * SMS arrives, a new session checks the status by tracking number, and another phone is told nothing.
 * An aggregator without the key is refused. Needs {@code ./huduma up}.
 */
class BasicPhoneIT {

    private static final String GATEWAY = System.getenv().getOrDefault("HUDUMA_GATEWAY_URL", "http://localhost:8080");
    private static final String KEY = System.getenv().getOrDefault("USSD_AGGREGATOR_KEY", "dev-ussd-key");
    private static final Pattern TRACKING = Pattern.compile("HD-[A-Z0-9]{4}-[A-Z0-9]{4}");
    private static final Duration SMS_WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final JourneyLog log = new JourneyLog("basic-phone");

    @Test
    void aPhoneWithoutAnAccountRegistersAppliesAndChecksTheStatusFromTheUssdMenu() {
        String phone = "+25578" + digits(7);
        Session session = new Session(phone);

        String screen = session.start();
        assertThat(screen).startsWith("CON Karibu Huduma");
        screen = session.press("2");
        assertThat(screen).as("no account yet").startsWith("CON Namba hii haina akaunti ya Huduma.");
        screen = session.press("1");
        assertThat(screen).startsWith("CON Weka jina lako kamili:");
        screen = session.press("Asha Mwinyi");
        assertThat(screen).startsWith("CON Lugha unayopendelea:");
        screen = session.press("1");
        assertThat(screen).contains("Asha Mwinyi");
        screen = session.press("1");
        log.note("registered: " + screen.replace('\n', '|'));
        assertThat(screen).startsWith("CON");
        screen = session.press("1");
        screen = session.choose(screen, "BRELA");
        screen = session.choose(screen, "Kuangalia Jina");
        // one question per screen, in the order the catalogue keeps the form's fields
        for (int question = 0; question < 5 && !screen.startsWith("CON Thibitisha ombi:"); question++) {
            if (screen.contains("Hifadhi jina")) {
                screen = session.press("1");
            } else if (screen.contains("Jina unalotaka")) {
                screen = session.press("Duka la Asha");
            } else if (screen.contains("Aina ya biashara")) {
                screen = session.choose(screen, "Mtu binafsi");
            } else {
                throw new AssertionError("an unexpected screen: " + screen);
            }
        }
        assertThat(screen).startsWith("CON Thibitisha ombi:").contains("Kuangalia Jina la Biashara");
        String receipt = session.press("1");
        assertThat(receipt).startsWith("END Ombi limepokelewa.");
        Matcher tracking = TRACKING.matcher(receipt);
        assertThat(tracking.find()).as(receipt).isTrue();
        String number = tracking.group();
        String again = session.repeat();
        assertThat(again).as("the aggregator's retry of the final step").startsWith("END").doesNotContain("limepokelewa");

        Inbox.Sms welcome = Inbox.awaitSms(sms -> sms.destination().endsWith(phone.substring(1))
                && sms.text().contains("nenosiri"), SMS_WAIT);
        log.received("SMS", phone, welcome.text());
        Inbox.Sms received = Inbox.awaitSms(sms -> sms.destination().endsWith(phone.substring(1))
                && sms.text().contains(number), SMS_WAIT);
        log.received("SMS", phone, received.text());

        // a new session: my requests hold it once, and its status is told to this phone only
        Session mine = new Session(phone);
        mine.start();
        String recent = mine.press("4");
        assertThat(count(recent, number) + count(recent, "Kuangalia Jina")).as(recent).isGreaterThanOrEqualTo(1);
        Session status = new Session(phone);
        status.start();
        status.press("3");
        String described = status.press(number);
        assertThat(described).contains(number).containsIgnoringCase("Kuangalia Jina");

        Session other = new Session("+25578" + digits(7));
        other.start();
        other.press("3");
        String notYours = other.press(number);
        assertThat(notYours).contains("Haikupatikana").doesNotContain("Kuangalia Jina");

        HttpResponse<String> refused = callback("wrong-key", "e2e-" + UUID.randomUUID(), phone, "");
        log.note("aggregator with a wrong key: " + refused.statusCode() + " " + refused.body());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).startsWith("END");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private HttpResponse<String> callback(String key, String sessionId, String phone, String text) {
        String form = "sessionId=" + enc(sessionId) + "&serviceCode=" + enc("*152*00#") + "&phoneNumber=" + enc(phone)
                + "&text=" + enc(text);
        try {
            return http.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/ussd/callback"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Ussd-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One USSD session as the aggregator plays it: every callback carries all the inputs so far. */
    private final class Session {
        private final String id = "e2e-" + UUID.randomUUID();
        private final String phone;
        private final List<String> inputs = new ArrayList<>();

        Session(String phone) {
            this.phone = phone;
        }

        String start() {
            return send();
        }

        String press(String input) {
            inputs.add(input);
            return send();
        }

        String repeat() {
            return send();
        }

        /** Picks the numbered option whose label contains {@code label}, paging with 98 when needed. */
        String choose(String screen, String label) {
            for (int page = 0; page < 10; page++) {
                for (String line : screen.split("\n")) {
                    Matcher option = Pattern.compile("^(\\d+)[ .)]+(.*)$").matcher(line.replaceFirst("^(CON|END) ", ""));
                    if (option.matches() && option.group(2).contains(label) && !option.group(1).equals("98")) {
                        return press(option.group(1));
                    }
                }
                assertThat(screen).as("no '%s' on this screen", label).contains("98");
                screen = press("98");
            }
            throw new AssertionError("no " + label);
        }

        private String send() {
            HttpResponse<String> response = callback(KEY, id, phone, String.join("*", inputs));
            String body = response.body();
            System.out.printf("    ussd %s [%s] -> %d %s%n", phone, String.join("*", inputs), response.statusCode(),
                    body.replace('\n', '|'));
            assertThat(response.statusCode()).as(body).isEqualTo(200);
            assertThat(body.length()).as("a screen fits 182 characters: %s", body).isLessThanOrEqualTo(182);
            return body;
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String digits(int n) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}
