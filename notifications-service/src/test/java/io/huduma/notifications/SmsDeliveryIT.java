package io.huduma.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.notifications.v1.NotificationDelivered;
import io.huduma.platform.events.EventEnvelopes;
import io.huduma.testkit.Inbox;
import io.huduma.testkit.TopicEvents;
import org.junit.jupiter.api.Test;

/** Events in, SMS out at the real SMSC simulator (or the HTTP provider): once, in the right language. */
class SmsDeliveryIT extends NotificationsIT {

    private static final Duration SETTLE = Duration.ofSeconds(3);

    @Test
    void aSubmittedRequestGivesExactlyOneSwahiliSmsAtTheSmsc() {
        String phone = aPhone();
        String tracking = aTrackingNumber();
        EventEnvelope event = requestSubmitted(aCitizen("sw", phone, ""), tracking);

        Inbox.Sms sms = Inbox.awaitSmsTo(phone);

        assertThat(sms.text()).isEqualTo(
                "Ombi lako la Usajili wa jina la biashara limepokelewa. Namba ya ufuatiliaji: " + tracking + ".");
        assertThat(sms.dataCoding()).isZero(); // GSM 03.38
        assertThat(sms.parts()).isEqualTo(1);
        assertThat(sms.receiptRequested()).isTrue();
        assertThat(smsTo(phone, SETTLE)).hasSize(1);
        Map<String, Object> row = awaitDelivery(event.getId(), "SMS", "DELIVERED");
        assertThat(row).containsEntry("provider", "smpp").containsEntry("provider_message_id", sms.messageId())
                .containsEntry("language", "sw").containsEntry("attempts", 1);
    }

    @Test
    void anEnglishReaderGetsTheEnglishText() {
        String phone = aPhone();
        String tracking = aTrackingNumber();
        requestSubmitted(aCitizen("en", phone, ""), tracking);

        assertThat(Inbox.awaitSmsTo(phone).text()).isEqualTo(
                "Your application for Business name registration was received. Tracking number: " + tracking + ".");
    }

    @Test
    void theSameEventDeliveredTwiceGivesOneSms() {
        String phone = aPhone();
        EventEnvelope event = requestSubmitted(aCitizen("sw", phone, ""), aTrackingNumber());
        Inbox.awaitSmsTo(phone);

        TopicEvents.publish(Topics.REQUESTS, event); // a redelivery, as after a consumer crash

        assertThat(smsTo(phone, Duration.ofSeconds(5))).hasSize(1);
        assertThat(deliveriesOf(event.getId())).hasSize(1);
    }

    /**
     * The database fails the commit that records an SMS as sent, once, after the SMSC took it (what a PostgreSQL
     * restart did in the fault-injection run): the outcome is recorded again, the SMS is not sent again. The
     * failure comes from a trigger that counts with a sequence (nextval is not rolled back with the transaction).
     */
    @Test
    void anSmsTheSmscTookIsNotSentAgainWhenRecordingItFailsOnce() {
        String phone = aPhone();
        String name = "refuse_sent_" + phone.substring(1);
        jdbc.sql("CREATE SEQUENCE " + name).update();
        jdbc.sql("""
                CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.recipient = '%2$s' AND OLD.status = 'QUEUED' AND NEW.status <> 'QUEUED'
                     AND nextval('%1$s') = 1 THEN
                    RAISE EXCEPTION 'the database went away';
                  END IF;
                  RETURN NEW;
                END $$""".formatted(name, phone)).update();
        jdbc.sql("CREATE TRIGGER %1$s BEFORE UPDATE ON delivery FOR EACH ROW EXECUTE FUNCTION %1$s()".formatted(name))
                .update();
        try {
            EventEnvelope event = requestSubmitted(aCitizen("en", phone, ""), aTrackingNumber());

            Inbox.Sms sms = Inbox.awaitSmsTo(phone);

            Map<String, Object> row = awaitDelivery(event.getId(), "SMS", "DELIVERED");
            assertThat(row).containsEntry("provider_message_id", sms.messageId()).containsEntry("attempts", 1);
            // a failed attempt would be tried again after 5 s (initial back-off)
            assertThat(smsTo(phone, Duration.ofSeconds(8))).hasSize(1);
            assertThat(jdbc.sql("SELECT last_value FROM " + name).query(Long.class).single()).isGreaterThan(1L);
        } finally {
            jdbc.sql("DROP TRIGGER " + name + " ON delivery").update();
            jdbc.sql("DROP FUNCTION " + name + "()").update();
            jdbc.sql("DROP SEQUENCE " + name).update();
        }
    }

    @Test
    void needsInfoCarriesTheOfficersVisibleNote() {
        String phone = aPhone();
        String tracking = aTrackingNumber();
        statusChanged(aCitizen("sw", phone, ""), tracking, "IN_REVIEW", "NEEDS_INFO",
                "Pakia nakala ya cheti cha kuzaliwa.");

        assertThat(Inbox.awaitSmsTo(phone).text()).isEqualTo("Ombi " + tracking
                + " (Usajili wa jina la biashara) linahitaji taarifa zaidi: Pakia nakala ya cheti cha kuzaliwa. "
                + "Jibu kupitia Huduma.");
    }

    @Test
    void aDecisionSaysWhatHappensNext() {
        String phone = aPhone();
        String tracking = aTrackingNumber();
        statusChanged(aCitizen("en", phone, ""), tracking, "IN_REVIEW", "APPROVED", "");

        assertThat(Inbox.awaitSmsTo(phone).text()).isEqualTo("Application " + tracking
                + " (Business name registration) was approved. We will tell you when it is completed.");
    }

    @Test
    void aDeliveryReceiptMarksTheSmsDeliveredAndPublishesNotificationDelivered() {
        String phone = aPhone();
        EventEnvelope event = requestSubmitted(aCitizen("sw", phone, ""), aTrackingNumber());
        Inbox.awaitSmsTo(phone);

        Map<String, Object> row = awaitDelivery(event.getId(), "SMS", "DELIVERED");

        assertThat(row.get("delivered_at")).isNotNull();
        String deliveryId = row.get("id").toString();
        List<EventEnvelope> facts = TopicEvents.await(Topics.NOTIFICATION_DELIVERIES, deliveryId, 1,
                Duration.ofSeconds(20), Duration.ofSeconds(1));
        assertThat(facts).hasSize(1);
        NotificationDelivered delivered = EventEnvelopes.unpack(facts.get(0), NotificationDelivered.class);
        assertThat(delivered.getChannel()).isEqualTo("SMS");
        assertThat(delivered.getCauseEventId()).isEqualTo(event.getId());
        assertThat(facts.get(0).getSource()).isEqualTo("notifications-service");
    }

    @Test
    void identityHiccupsAreRetriedWithinTheDeadline() {
        String phone = aPhone();
        String citizen = aCitizen("sw", phone, "");
        IDENTITY.failNext(2);

        requestSubmitted(citizen, aTrackingNumber());

        assertThat(Inbox.awaitSmsTo(phone)).isNotNull();
        assertThat(smsTo(phone, SETTLE)).hasSize(1);
    }

    @Test
    void aCitizenWhoOptedOutGetsNoSmsButStillGetsCodes() {
        String phone = aPhone();
        String citizen = java.util.UUID.randomUUID().toString();
        IDENTITY.add(citizen, "Juma", phone, "", "sw", false, false);

        EventEnvelope event = requestSubmitted(citizen, aTrackingNumber());

        assertThat(smsTo(phone, Duration.ofSeconds(6))).isEmpty();
        assertThat(deliveriesOf(event.getId())).isEmpty();
        // codes are never opted out of
        Otp.send(grpcPort(), phone, "482913", "en");
        assertThat(Inbox.awaitSmsTo(phone).text()).contains("482913");
    }

    static List<Inbox.Sms> smsTo(String phone, Duration settle) {
        sleep(settle);
        return Inbox.sms().stream().filter(s -> phone.equals(s.destination())).toList();
    }

    static List<Inbox.HttpSms> httpSmsTo(String phone) {
        return Inbox.httpSms().stream().filter(s -> phone.equals(s.to())).toList();
    }

    static void sleep(Duration duration) {
        await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
    }
}
