package io.huduma.notifications;

import static io.huduma.notifications.SmsDeliveryIT.httpSmsTo;
import static io.huduma.notifications.SmsDeliveryIT.smsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.notifications.v1.NotificationFailed;
import io.huduma.platform.events.EventEnvelopes;
import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.Inbox;
import io.huduma.testkit.TopicEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Providers that refuse, fail or are slow: failover to the HTTP provider, retries with backoff that
 * deliver once, FAILED with a dead letter after the last attempt and an admin's retry, and a burst
 * paced to the SMSC's limit.
 */
class ProviderFailuresIT extends NotificationsIT {

    @AfterEach
    void providersBackToNormal() {
        Inbox.rejectNextSms(0);
        Inbox.failNextHttpSms(0, 503);
    }

    @Test
    void whenTheSmscRefusesTheHttpProviderIsUsed() {
        String phone = aPhone();
        Inbox.rejectNextSms(1);

        EventEnvelope event = requestSubmitted(aCitizen("sw", phone, ""), aTrackingNumber());

        Inbox.HttpSms sms = Inbox.awaitHttpSmsTo(phone);
        assertThat(sms.text()).contains("limepokelewa");
        assertThat(sms.callbackUrl()).contains("/api/v1/notifications/sms-receipts/http");
        // the provider's delivery report (its callback) ends the delivery
        Map<String, Object> row = awaitDelivery(event.getId(), "SMS", "DELIVERED");
        assertThat(row).containsEntry("provider", "http").containsEntry("provider_message_id", sms.messageId());
        assertThat(smsTo(phone, Duration.ofSeconds(2))).isEmpty();
        assertThat(httpSmsTo(phone)).hasSize(1);
    }

    @Test
    void whenEveryProviderFailsTheMessageIsRetriedAndDeliveredOnce() {
        String phone = aPhone();
        Inbox.rejectNextSms(1);
        Inbox.failNextHttpSms(1, 503);

        EventEnvelope event = requestSubmitted(aCitizen("sw", phone, ""), aTrackingNumber());

        assertThat(Inbox.awaitSmsTo(phone).text()).contains("limepokelewa");
        Map<String, Object> row = awaitDelivery(event.getId(), "SMS", "DELIVERED");
        assertThat(row).containsEntry("attempts", 2).containsEntry("provider", "smpp");
        assertThat(smsTo(phone, Duration.ofSeconds(3))).hasSize(1);
        assertThat(httpSmsTo(phone)).isEmpty();
    }

    @Test
    void afterTheLastAttemptTheDeliveryFailsIsDeadLetteredAndAnAdminCanRetryIt() {
        String phone = aPhone();
        Inbox.rejectNextSms(1000);
        Inbox.failNextHttpSms(1000, 503);

        EventEnvelope event = requestSubmitted(aCitizen("sw", phone, ""), aTrackingNumber());

        Map<String, Object> failed = awaitDelivery(event.getId(), "SMS", "FAILED");
        assertThat(failed).containsEntry("attempts", 3);
        assertThat(failed.get("last_error").toString()).contains("smpp").contains("http");
        String deliveryId = failed.get("id").toString();
        List<EventEnvelope> deadLetters = TopicEvents.await(Topics.NOTIFICATION_DELIVERIES + ".dlt", deliveryId, 1,
                Duration.ofSeconds(20), Duration.ZERO);
        assertThat(deadLetters).hasSize(1);
        assertThat(EventEnvelopes.unpack(deadLetters.get(0), NotificationFailed.class).getReason()).contains("smpp");
        assertThat(TopicEvents.await(Topics.NOTIFICATION_DELIVERIES, deliveryId, 1, Duration.ofSeconds(20), Duration.ZERO))
                .extracting(EventEnvelope::getType).containsExactly("huduma.notifications.v1.NotificationFailed");
        JsonHttp.Response list = http().get("/api/v1/notifications/deliveries/failed?size=100", token("admin.platform"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("items").valueStream().map(i -> i.path("id").asString())).contains(deliveryId);

        providersBackToNormal();
        JsonHttp.Response retried = http().post("/api/v1/notifications/deliveries/" + deliveryId + "/retry",
                token("admin.platform"), null);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        assertThat(Inbox.awaitSmsTo(phone).text()).contains("limepokelewa");
        awaitDelivery(event.getId(), "SMS", "DELIVERED");
        assertThat(smsTo(phone, Duration.ofSeconds(2))).hasSize(1);
        JsonHttp.Response again = http().post("/api/v1/notifications/deliveries/" + deliveryId + "/retry",
                token("admin.platform"), null);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aBurstOf200IsPacedToTheSmscLimitAndLosesNothing() {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String phone = aPhone();
            phones.add(phone);
            requestSubmitted(aCitizen("sw", phone, ""), aTrackingNumber());
        }
        Set<String> wanted = Set.copyOf(phones);

        List<Inbox.Sms> received = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Inbox.sms().stream().filter(s -> wanted.contains(s.destination())).toList(),
                        list -> list.size() >= 200);
        SmsDeliveryIT.sleep(Duration.ofSeconds(2));
        received = Inbox.sms().stream().filter(s -> wanted.contains(s.destination())).toList();

        assertThat(received).hasSize(200);
        assertThat(received.stream().map(Inbox.Sms::destination).collect(Collectors.toSet())).isEqualTo(wanted);
        assertThat(Inbox.httpSms().stream().filter(s -> wanted.contains(s.to()))).isEmpty();
        // sends leave one token at a time, 1/rate apart: over the burst the SMSC never sees more than its rate;
        // within one second as the SMSC clocks arrivals, scheduling jitter on a loaded machine may bunch a few
        List<Instant> times = received.stream().map(Inbox.Sms::receivedAt).sorted().toList();
        int busiest = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (Duration.between(times.get(j), times.get(i)).toMillis() >= 1000) {
                j++;
            }
            busiest = Math.max(busiest, i - j + 1);
        }
        assertThat(busiest).isLessThanOrEqualTo(SMSC_RATE + SMSC_RATE / 5);
        assertThat(Duration.between(times.get(0), times.get(times.size() - 1)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(199_000L / SMSC_RATE - 200));
    }
}
