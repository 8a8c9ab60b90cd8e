package io.huduma.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.huduma.devstack.PrivateSmsc;
import io.huduma.notifications.sms.IncomingSms;
import io.huduma.notifications.sms.MobileOriginatedSms;
import io.huduma.notifications.sms.SmppProvider;
import io.huduma.notifications.sms.SmsProperties;
import io.huduma.notifications.sms.SmsReceipts;
import io.huduma.testkit.Inbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Texts written to the platform, over SMPP: a private SMSC simulator (the devstack's, on a random port)
 * hands {@code deliver_sm} to an SMPP transceiver of the service's own kind wired to the service's
 * inbound handling; the answers go out the normal way and are read at the build's real SMSC simulator.
 * (The shared SMSC the service itself is bound to is never stopped nor reconfigured by a test.)
 */
class InboundSmsIT extends NotificationsIT {

    private static final String SHORT_CODE = "15555";
    private static final String SERVICE_SW = "Usajili wa jina la biashara";
    private static final String SERVICE_EN = "Business name registration";
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private static PrivateSmsc handsets;
    private static SmppProvider transceiver;

    @Autowired
    IncomingSms incoming;

    @BeforeEach
    void bindToThePrivateSmsc() {
        if (handsets == null) {
            handsets = PrivateSmsc.start(0);
            SmsReceipts ignored = new SmsReceipts() {
                @Override
                public void delivered(String provider, String providerMessageId) {
                }

                @Override
                public void undeliverable(String provider, String providerMessageId, String reason) {
                }
            };
            transceiver = new SmppProvider(new SmsProperties.Smpp(true, 1, "127.0.0.1", handsets.port(), "huduma-inbound",
                    "secret", 10, Duration.ofMillis(200), null, null), "HUDUMA", ignored, () -> incoming);
            transceiver.start();
            await().atMost(Duration.ofSeconds(10)).until(transceiver::bound);
        }
    }

    @AfterAll
    static void unbind() {
        if (transceiver != null) {
            transceiver.close();
            handsets.close();
        }
    }

    @Test
    void haliIsAnsweredInSwahiliWithTheStatusServiceAndDueDate() {
        String phone = aPhone();
        String tracking = aRequestMadeFrom(phone, "IN_REVIEW");

        PrivateSmsc.Inbound sent = handsets.deliverInbound(phone, SHORT_CODE, "  hali   " + tracking.toLowerCase() + " ", 1);

        assertThat(sent.attempts()).containsExactly("ACKNOWLEDGED");
        assertThat(Inbox.awaitSmsTo(phone).text()).isEqualTo(
                "Ombi " + tracking + " (" + SERVICE_SW + "): INASHUGHULIKIWA. Tarehe ya mwisho: 2026-12-15.");
        Map<String, Object> row = awaitAnswered(phone);
        assertThat(row).containsEntry("outcome", "ANSWERED").containsEntry("keyword", "HALI")
                .containsEntry("language", "sw").containsEntry("short_code", SHORT_CODE);
        assertThat(row.values()).noneMatch(value -> value != null && value.toString().toLowerCase().contains("hali "));
        Map<String, Object> reply = jdbc.sql("SELECT * FROM delivery WHERE id = ?").param(row.get("reply_delivery_id"))
                .query().singleRow();
        assertThat(reply).containsEntry("kind", "sms-status").containsEntry("recipient", phone)
                .containsEntry("language", "sw").containsEntry("agency", "brela")
                .containsEntry("cause_event_id", "sms-in:" + row.get("id"));
    }

    @Test
    void statusIsAnsweredInEnglishForASenderInNationalFormat() {
        String phone = aPhone();
        String tracking = aRequestMadeFrom(phone, "NEEDS_INFO");

        handsets.deliverInbound("0" + phone.substring(4), SHORT_CODE, "Status: " + tracking.replace("-", ""), 1);

        assertThat(Inbox.awaitSmsTo(phone).text()).isEqualTo("Application " + tracking + " (" + SERVICE_EN
                + "): NEEDS MORE INFORMATION. Due by 2026-12-15.");
    }

    @Test
    void anotherPhonesRequestIsNotDescribed() {
        String owner = aPhone();
        String stranger = aPhone();
        String tracking = aRequestMadeFrom(owner, "APPROVED");

        handsets.deliverInbound(stranger, SHORT_CODE, "HALI " + tracking, 1);
        handsets.deliverInbound(stranger, SHORT_CODE, "STATUS HD-NOTA-REAL", 1);

        List<Inbox.Sms> answers = awaitSmsTo(stranger, 2);
        assertThat(answers).extracting(Inbox.Sms::text).containsExactlyInAnyOrder(
                "Hatukupata ombi " + tracking + " lililotumwa kwa namba hii ya simu. Hakikisha namba ya ufuatiliaji, "
                        + "mf. HALI HD-7K3P-9QX2",
                "No application HD-NOTA-REAL was made from this phone number. Check the tracking number, "
                        + "e.g. STATUS HD-7K3P-9QX2");
        assertThat(answers).extracting(Inbox.Sms::text).noneMatch(text -> text.contains(SERVICE_SW)
                || text.contains("IMEKUBALIWA"));
        assertThat(SmsDeliveryIT.smsTo(owner, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void unknownWordsAndHelpKeywordsGetTheHelpTextInTheirLanguage() {
        String swahili = aPhone();
        String english = aPhone();
        String other = aPhone();

        handsets.deliverInbound(swahili, SHORT_CODE, "msaada", 1);
        handsets.deliverInbound(english, SHORT_CODE, "HELP", 1);
        handsets.deliverInbound(other, SHORT_CODE, "Habari, nataka kujua kuhusu leseni yangu", 1);

        assertThat(Inbox.awaitSmsTo(swahili).text()).startsWith("Huduma: kujua hali ya ombi lako tuma HALI");
        assertThat(Inbox.awaitSmsTo(english).text()).startsWith("Huduma: for the status of your application send STATUS");
        assertThat(Inbox.awaitSmsTo(other).text()).isEqualTo(Inbox.awaitSmsTo(swahili).text());
        assertThat(awaitAnswered(other)).containsEntry("keyword", "OTHER").containsEntry("outcome", "HELP")
                .containsEntry("tracking_number", null);
        assertThat(awaitAnswered(other).values()).noneMatch(v -> v != null && v.toString().contains("leseni"));
    }

    @Test
    void textsInUcs2AndLongerThanOneSmsAreReadToo() {
        String swahili = aPhone();
        String english = aPhone();

        handsets.deliverInbound(swahili, SHORT_CODE, "Msaada 🙏 tafadhali", 1);
        handsets.deliverInbound(english, SHORT_CODE, "help " + "please ".repeat(30), 1);

        assertThat(Inbox.awaitSmsTo(swahili).text()).startsWith("Huduma: kujua hali ya ombi lako");
        assertThat(Inbox.awaitSmsTo(english).text()).startsWith("Huduma: for the status of your application");
        assertThat(awaitAnswered(swahili)).containsEntry("keyword", "MSAADA");
        assertThat(awaitAnswered(english)).containsEntry("keyword", "HELP");
    }

    @Test
    void aMessageTheSmscDeliversThreeTimesIsAnsweredOnce() {
        String phone = aPhone();
        String tracking = aRequestMadeFrom(phone, "SUBMITTED");
        int lookups = REQUESTS.calls();

        PrivateSmsc.Inbound sent = handsets.deliverInbound(phone, SHORT_CODE, "HALI " + tracking, 3);

        assertThat(sent.attempts()).containsExactly("ACKNOWLEDGED", "ACKNOWLEDGED", "ACKNOWLEDGED");
        assertThat(Inbox.awaitSmsTo(phone).text()).contains(tracking, "IMEPOKELEWA");
        assertThat(SmsDeliveryIT.smsTo(phone, Duration.ofSeconds(3))).hasSize(1);
        assertThat(rowsFrom(phone)).hasSize(1);
        assertThat(REQUESTS.calls() - lookups).isEqualTo(1);
    }

    @Test
    void copiesOfOneMessageArrivingAtTheSameTimeAreRecordedAndAnsweredOnce() throws Exception {
        String phone = aPhone();
        MobileOriginatedSms copy = new MobileOriginatedSms(phone.substring(1), SHORT_CODE, "MSAADA", 4242);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                done.add(threads.submit(() -> incoming.received(copy)));
            }
            for (java.util.concurrent.Future<?> each : done) {
                each.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(Inbox.awaitSmsTo(phone).text()).startsWith("Huduma: kujua hali");
        assertThat(SmsDeliveryIT.smsTo(phone, Duration.ofSeconds(3))).hasSize(1);
        assertThat(rowsFrom(phone)).hasSize(1);
    }

    @Test
    void aNumberGetsAtMostItsAllowanceOfAnswers() {
        String busy = aPhone();
        String calm = aPhone();

        for (int i = 0; i < REPLIES_PER_NUMBER + 2; i++) {
            handsets.deliverInbound(busy, SHORT_CODE, "HELP", 1);
        }
        handsets.deliverInbound(calm, SHORT_CODE, "HELP", 1);

        assertThat(Inbox.awaitSmsTo(calm)).isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> rowsFrom(busy).stream()
                .noneMatch(row -> "RECEIVED".equals(row.get("outcome"))));
        assertThat(SmsDeliveryIT.smsTo(busy, Duration.ofSeconds(2))).hasSize(REPLIES_PER_NUMBER);
        assertThat(rowsFrom(busy)).hasSize(REPLIES_PER_NUMBER + 2)
                .filteredOn(row -> "RATE_LIMITED".equals(row.get("outcome"))).hasSize(2);
    }

    @Test
    void whileRequestsServiceIsDownTheMessageWaitsAndIsAnsweredLater() {
        String phone = aPhone();
        String tracking = aRequestMadeFrom(phone, "COMPLETED");
        REQUESTS.failNext(4); // more than one lookup's attempts

        handsets.deliverInbound(phone, SHORT_CODE, "STATUS " + tracking, 1);

        assertThat(Inbox.awaitSmsTo(phone).text()).isEqualTo("Application " + tracking + " (" + SERVICE_EN
                + "): COMPLETED. Due by 2026-12-15.");
        assertThat(awaitAnswered(phone)).containsEntry("outcome", "ANSWERED").containsEntry("attempts", 2);
    }

    /** A request requests-service knows as made from {@code phone}; its tracking number. */
    private static String aRequestMadeFrom(String phone, String status) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            body.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        String tracking = "HD-" + body.substring(0, 4) + "-" + body.substring(4);
        REQUESTS.add(tracking, phone, status, SERVICE_SW, SERVICE_EN, "2026-12-15");
        return tracking;
    }

    private List<Map<String, Object>> rowsFrom(String phone) {
        return jdbc.sql("SELECT * FROM inbound_sms WHERE sender = ? ORDER BY received_at").param(phone).query().listOfRows();
    }

    private Map<String, Object> awaitAnswered(String phone) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> rowsFrom(phone),
                rows -> rows.size() == 1 && !"RECEIVED".equals(rows.get(0).get("outcome"))).get(0);
    }

    private static List<Inbox.Sms> awaitSmsTo(String phone, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> Inbox.sms().stream().filter(s -> phone.equals(s.destination())).toList(),
                list -> list.size() >= count);
    }
}
