package io.huduma.devstack.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The event-to-SMS benchmark's accounting: matching SMS to events, lost and duplicated, the percentiles. */
class SmsLatencyTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private static final Pattern RUN = SmsLatency.trackingPattern("BQ7K2M");

    private static SmsLatency.Event event(int n, String phone, long atMillis) {
        return new SmsLatency.Event(SmsLatency.trackingNumber("BQ7K2M", 'M', n), phone, T0.plusMillis(atMillis));
    }

    private static SmsLatency.Sms sms(int n, String phone, long atMillis, String route) {
        return new SmsLatency.Sms(phone, "Application " + SmsLatency.trackingNumber("BQ7K2M", 'M', n)
                + " (Business name registration) is now being reviewed.", T0.plusMillis(atMillis), route);
    }

    @Test
    void eachEventIsMatchedToItsSmsByTrackingNumberAndTheLatencyRunsFromTheEventToTheFirstReceipt() {
        List<SmsLatency.Event> events = List.of(event(1, "+255710000001", 0), event(2, "+255710000002", 100),
                event(3, "+255710000001", 200));
        List<SmsLatency.Sms> received = List.of(sms(3, "+255710000001", 260, "smpp"), sms(1, "+255710000001", 40, "smpp"),
                sms(2, "+255710000002", 400, "http"));

        SmsLatency.Report report = SmsLatency.report(events, received, RUN);

        assertThat(report.sent()).isEqualTo(3);
        assertThat(report.received()).isEqualTo(3);
        assertThat(report.lost()).isZero();
        assertThat(report.duplicated()).isZero();
        assertThat(report.viaHttp()).isEqualTo(1);
        // latencies 40, 60, 300 ms
        assertThat(report.p50()).isEqualTo(60);
        assertThat(report.p99()).isEqualTo(300);
        assertThat(report.max()).isEqualTo(300);
    }

    @Test
    void eventsWithoutSmsAreLostAndEventsWithSeveralAreDuplicatedOnceWithTheirExtraCopiesCounted() {
        List<SmsLatency.Event> events = List.of(event(1, "+255710000001", 0), event(2, "+255710000002", 0),
                event(3, "+255710000003", 0));
        List<SmsLatency.Sms> received = List.of(sms(1, "+255710000001", 50, "smpp"), sms(1, "+255710000001", 900, "smpp"),
                sms(1, "+255710000001", 950, "smpp"), sms(3, "+255710000003", 70, "smpp"));

        SmsLatency.Report report = SmsLatency.report(events, received, RUN);

        assertThat(report.received()).isEqualTo(2);
        assertThat(report.lost()).isEqualTo(1);
        assertThat(report.lostExamples()).singleElement().asString().startsWith("HD-BQ7K2M-M000002 to +255710000002");
        assertThat(report.duplicated()).isEqualTo(1);
        assertThat(report.extraCopies()).isEqualTo(2);
        // the latency of a duplicated event is its first copy's
        assertThat(report.max()).isEqualTo(70);
    }

    @Test
    void smsOfOtherRunsAndOtherUsersAreIgnoredAndAnSmsToTheWrongPhoneDoesNotCount() {
        List<SmsLatency.Event> events = List.of(event(1, "+255710000001", 0));
        List<SmsLatency.Sms> received = List.of(
                new SmsLatency.Sms("+255710000001", "Application HD-BOTHER-M000001 is now being reviewed.", T0, "smpp"),
                new SmsLatency.Sms("+255710000001", "Your Huduma code is 123456.", T0, "smpp"),
                sms(7, "+255710000001", 10, "smpp"),
                sms(1, "+255719999999", 10, "smpp"));

        SmsLatency.Report report = SmsLatency.report(events, received, RUN);

        assertThat(report.received()).isZero();
        assertThat(report.lost()).isEqualTo(1);
        assertThat(report.misdirected()).isEqualTo(1);
        assertThat(report.duplicated()).isZero();
    }

    @Test
    void phonesMatchWhateverTheirFormatting() {
        SmsLatency.Report report = SmsLatency.report(List.of(event(1, "+255710000001", 0)),
                List.of(sms(1, "255710000001", 5, "smpp")), RUN);
        assertThat(report.received()).isEqualTo(1);
        assertThat(report.misdirected()).isZero();
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> hundred = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            hundred.add(i);
        }
        assertThat(SmsLatency.percentile(hundred, 50)).isEqualTo(50);
        assertThat(SmsLatency.percentile(hundred, 90)).isEqualTo(90);
        assertThat(SmsLatency.percentile(hundred, 99)).isEqualTo(99);
        assertThat(SmsLatency.percentile(hundred, 100)).isEqualTo(100);
        assertThat(SmsLatency.percentile(List.of(7L), 99)).isEqualTo(7);
        assertThat(SmsLatency.percentile(List.of(1L, 2L, 3L, 1000L), 99)).isEqualTo(1000);
        assertThat(SmsLatency.percentile(List.of(), 50)).isZero();
    }

    @Test
    void trackingNumbersOfARunAreFoundInTheTextAndNotThoseOfAnotherPhase() {
        assertThat(SmsLatency.trackingNumber("BQ7K2M", 'W', 12)).isEqualTo("HD-BQ7K2M-W000012");
        assertThat(RUN.matcher("Ombi HD-BQ7K2M-W000012 (Usajili) linashughulikiwa sasa.").find()).isTrue();
        // warm-up events are not among the measured ones: their SMS are ignored by the measured report
        SmsLatency.Report report = SmsLatency.report(List.of(event(12, "+255710000001", 0)),
                List.of(new SmsLatency.Sms("+255710000001", "Ombi HD-BQ7K2M-W000012 linashughulikiwa sasa.", T0, "smpp")),
                RUN);
        assertThat(report.lost()).isEqualTo(1);
    }
}
