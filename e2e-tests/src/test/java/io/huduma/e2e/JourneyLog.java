package io.huduma.e2e;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

import io.huduma.testkit.JsonHttp;

/**
 * The readable log of a journey, printed as it goes (CI shows it): each step, the status the
 * platform answered, and what the person saw (a tracking number, the SMS text received).
 */
final class JourneyLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final String journey;
    private final AtomicInteger step = new AtomicInteger();

    JourneyLog(String journey) {
        this.journey = journey;
        System.out.println();
        System.out.println("=== journey: " + journey);
    }

    /** A step and the platform's answer to it; returns the response for chaining. */
    JsonHttp.Response step(String what, JsonHttp.Response response, String seen) {
        System.out.printf("[%s] %-14s %2d. %-58s -> %d%s%n", LocalTime.now().format(TIME), journey, step.incrementAndGet(),
                what, response.status(), seen == null || seen.isBlank() ? "" : "  " + seen);
        return response;
    }

    JsonHttp.Response step(String what, JsonHttp.Response response) {
        return step(what, response, null);
    }

    /** Something received outside HTTP: an SMS, an email. */
    void received(String channel, String to, String text) {
        System.out.printf("[%s] %-14s %2d. %s to %s: \"%s\"%n", LocalTime.now().format(TIME), journey,
                step.incrementAndGet(), channel, to, text.replace("\n", " / "));
    }

    void note(String text) {
        System.out.printf("[%s] %-14s     %s%n", LocalTime.now().format(TIME), journey, text);
    }
}
