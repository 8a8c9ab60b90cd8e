package io.huduma.devstack.chaos;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fault-injection run's accounting: which steps were lost or duplicated, per phase, and the recovery times. */
class LedgerTest {

    private static final Instant T0 = Instant.parse("2026-12-02T05:00:00Z");

    @Test
    void smsAreReadAsTheStepTheyAnnounceFromTheEnglishTemplates() {
        assertThat(Ledger.read("Your application for Business licence was received. Tracking number: HD-7K3P-9QX2.", T0))
                .isEqualTo(new Ledger.Sms("HD-7K3P-9QX2", "SUBMITTED", T0));
        assertThat(Ledger.read("Application HD-7K3P-9QX2 (Business licence) is now being reviewed.", T0).status())
                .isEqualTo("IN_REVIEW");
        assertThat(Ledger.read("Application HD-7K3P-9QX2 (Business licence) was approved. We will tell you when it "
                + "is completed.", T0).status()).isEqualTo("APPROVED");
        assertThat(Ledger.read("Application HD-7K3P-9QX2 (Business licence) is complete. Follow the agency's "
                + "instructions to collect the result.", T0).status()).isEqualTo("COMPLETED");
        assertThat(Ledger.read("Application HD-7K3P-9QX2 (Business licence) is now WITHDRAWN.", T0).status())
                .isEqualTo("WITHDRAWN");
        assertThat(Ledger.read("Your Huduma code is 123456. It expires in 10 minutes.", T0)).isNull();
    }

    @Test
    void eachAcknowledgedStepNeedsItsEventAndExactlyOneSms() {
        Ledger ledger = new Ledger();
        ledger.phase(new Ledger.Phase("no fault", T0, null));
        Instant faultStart = T0.plusSeconds(60);
        Instant faultEnd = T0.plusSeconds(80);
        ledger.phase(new Ledger.Phase("Kafka broker down 20 s", faultStart, faultEnd));

        // no fault: one submission, published and told once
        ledger.acknowledged(step("r1", "HD-1", "SUBMITTED", 10));
        ledger.event(new Ledger.Event("e1", "r1", "SUBMITTED", "0/1", T0.plusSeconds(11)));
        ledger.event(new Ledger.Event("e1", "r1", "SUBMITTED", "0/1", T0.plusSeconds(12))); // the same record read again
        ledger.event(new Ledger.Event("e1", "r1", "SUBMITTED", "0/2", T0.plusSeconds(12))); // published again: same id
        // during the fault: told twice; published but never told; never published; a refusal
        ledger.acknowledged(step("r2", "HD-2", "SUBMITTED", 65));
        ledger.event(new Ledger.Event("e2", "r2", "SUBMITTED", "1/1", T0.plusSeconds(85)));
        ledger.acknowledged(step("r2", "HD-2", "IN_REVIEW", 70));
        ledger.event(new Ledger.Event("e3", "r2", "IN_REVIEW", "1/2", T0.plusSeconds(86)));
        ledger.acknowledged(step("r3", "HD-3", "SUBMITTED", 75));
        ledger.failed(T0.plusSeconds(76));
        ledger.retried(T0.plusSeconds(66));
        ledger.retried(T0.plusSeconds(67));
        // after the fault's end: the first submission 4 s later
        ledger.acknowledged(step("r4", "HD-4", "SUBMITTED", 84));
        ledger.event(new Ledger.Event("e4", "r4", "SUBMITTED", "2/1", T0.plusSeconds(85)));
        // an event of the run's citizens that was never acknowledged (its answer was lost)
        ledger.event(new Ledger.Event("e5", "r5", "SUBMITTED", "2/2", T0.plusSeconds(90)));
        ledger.sms(List.of(
                new Ledger.Sms("HD-1", "SUBMITTED", T0.plusSeconds(13)),
                new Ledger.Sms("HD-2", "SUBMITTED", T0.plusSeconds(87)),
                new Ledger.Sms("HD-2", "SUBMITTED", T0.plusSeconds(88)),
                new Ledger.Sms("HD-4", "SUBMITTED", T0.plusSeconds(86))));

        Ledger.Report report = ledger.report(T0.plusSeconds(120));

        Ledger.Row quiet = report.rows().get(0);
        assertThat(quiet.acknowledged()).isEqualTo(1);
        assertThat(quiet.events()).isEqualTo(1);
        assertThat(quiet.sms()).isEqualTo(1);
        assertThat(quiet.lost()).isZero();
        assertThat(quiet.duplicated()).isZero();
        assertThat(quiet.toSubmission()).isNull();
        assertThat(quiet.fromSecond()).isZero();
        assertThat(quiet.toSecond()).isEqualTo(60);

        Ledger.Row kafka = report.rows().get(1);
        assertThat(kafka.acknowledged()).isEqualTo(4);
        assertThat(kafka.failed()).isEqualTo(1);
        assertThat(kafka.retried()).isEqualTo(2);
        assertThat(quiet.retried()).isZero();
        assertThat(kafka.events()).isEqualTo(3);
        assertThat(kafka.sms()).isEqualTo(2);
        assertThat(kafka.lost()).isEqualTo(2);
        assertThat(kafka.duplicated()).isEqualTo(1);
        assertThat(kafka.toSubmission()).isEqualTo(Duration.ofSeconds(4));
        assertThat(kafka.toSms()).isEqualTo(Duration.ofSeconds(6));

        assertThat(report.total().acknowledged()).isEqualTo(5);
        assertThat(report.total().retried()).isEqualTo(2);
        assertThat(report.total().lost()).isEqualTo(2);
        assertThat(report.total().duplicated()).isEqualTo(1);
        assertThat(report.lost()).hasSize(2).anySatisfy(line -> assertThat(line).contains("HD-3", "no event"))
                .anySatisfy(line -> assertThat(line).contains("HD-2 IN_REVIEW", "no SMS"));
        assertThat(report.duplicated()).singleElement().asString().contains("HD-2 SUBMITTED", "2 SMS", "05:01:27Z, 2026-12-02T05:01:28Z", "1 event id");
        assertThat(report.unacknowledgedEvents()).isEqualTo(1);
        assertThat(report.publishedAgain()).isEqualTo(1);
        assertThat(ledger.awaitingSms()).isEqualTo(2);
        assertThat(Ledger.table(report)).contains("Kafka broker down 20 s", "4.0 s", "6.0 s", "total");
    }

    private static Ledger.Step step(String id, String tracking, String status, int second) {
        return new Ledger.Step(id, tracking, status, T0.plusSeconds(second));
    }
}
