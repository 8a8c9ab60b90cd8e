package io.huduma.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.huduma.contracts.notifications.v1.SendOtpRequest;
import io.huduma.contracts.notifications.v1.SendOtpResponse;
import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.Inbox;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code SendOtp}: sent at once, ahead of the queue, to identity only, and the code kept nowhere. */
class OtpIT extends NotificationsIT {

    @Test
    void theCodeReachesThePhoneAndIsAbsentFromTheDatabaseTheHistoryAndTheLogs() {
        String code = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String phone = aPhone();
        String amina = Tokens.claims(token("citizen.amina")).get("sub").toString();
        IDENTITY.add(amina, "Amina", phone, "", "sw", true, true);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        // the most talkative levels of this service and of the SMPP library, so a debug line would show too
        Logger service = (Logger) LoggerFactory.getLogger("io.huduma.notifications");
        Logger smpp = (Logger) LoggerFactory.getLogger("org.jsmpp");
        service.setLevel(Level.TRACE);
        smpp.setLevel(Level.TRACE);
        SendOtpResponse response;
        try {
            response = Otp.send(grpcPort(), phone, code, "sw");
            Inbox.Sms sms = Inbox.awaitSmsTo(phone);
            assertThat(sms.text()).isEqualTo("Nambari yako ya uthibitisho ni " + code
                    + ". Inatumika kwa dakika 10. Usimpe mtu yeyote.");
            awaitDeliveryById(response.getDeliveryId(), "DELIVERED");
        } finally {
            root.detachAppender(logs);
            service.setLevel(null);
            smpp.setLevel(null);
        }

        // logs: every line this JVM wrote meanwhile, with arguments and exceptions
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("One-time code for sign-up sent to **********" + phone.substring(10) + " (delivery "
                        + response.getDeliveryId() + ")");
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(code);
            if (event.getThrowableProxy() != null) {
                assertThat(event.getThrowableProxy().getMessage()).doesNotContain(code);
            }
        }
        // database: every row of every table, as text (and the outbox's protobuf bytes)
        for (String table : jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                .query(String.class).list()) {
            List<String> rows = jdbc.sql("SELECT t::text FROM " + table + " t").query(String.class).list();
            assertThat(rows).as(table).noneMatch(row -> row.contains(code));
        }
        for (byte[] envelope : jdbc.sql("SELECT envelope FROM outbox_event").query(byte[].class).list()) {
            assertThat(new String(envelope, StandardCharsets.ISO_8859_1)).doesNotContain(code);
        }
        // history: the citizen sees the masked text
        JsonHttp.Response mine = http().get("/api/v1/notifications/me?size=100", token("citizen.amina"));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().path("items").valueStream()
                .filter(i -> i.path("id").asString().equals(response.getDeliveryId()))
                .map(i -> i.path("text").asString()))
                .containsExactly("Nambari yako ya uthibitisho ni ******. Inatumika kwa dakika 10. Usimpe mtu yeyote.");
        assertThat(mine.raw().body()).doesNotContain(code);
    }

    @Test
    void aCodeGoesAheadOfQueuedMessages() {
        // the first call of a context pays for token keys and channels; only the sending is timed here
        Otp.send(grpcPort(), aPhone(), "300100", "sw");
        // a backlog of 100 queued SMS (4 s of sending at the SMSC's 25/s), as a burst of events leaves it
        String prefix = "+2556" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        jdbc.sql("""
                INSERT INTO delivery (id, cause_event_id, kind, channel, recipient, language, body, status)
                SELECT gen_random_uuid(), 'backlog-' || :prefix || g, 'request-submitted', 'SMS',
                       :prefix || lpad(g::text, 5, '0'), 'sw', 'Ujumbe wa foleni ' || g, 'QUEUED'
                  FROM generate_series(1, 100) g
                """).param("prefix", prefix).update();
        await().atMost(Duration.ofSeconds(30)).until(() -> backlog(prefix, "QUEUED") < 100);
        String otpPhone = aPhone();

        Otp.send(grpcPort(), otpPhone, "771904", "en");

        // handed to the SMSC while most of the backlog still waited
        assertThat(backlog(prefix, "QUEUED")).isGreaterThan(50);
        await().atMost(Duration.ofSeconds(60)).until(() -> backlog(prefix, "DELIVERED") == 100);
        List<Inbox.Sms> received = Inbox.sms();
        Instant codeArrived = received.stream().filter(s -> s.destination().equals(otpPhone)).findFirst()
                .orElseThrow().receivedAt();
        assertThat(received.stream().filter(s -> s.destination().startsWith(prefix)
                && s.receivedAt().isAfter(codeArrived)).count()).isGreaterThan(50);
    }

    private long backlog(String prefix, String status) {
        return jdbc.sql("SELECT count(*) FROM delivery WHERE cause_event_id LIKE ? AND status = ?")
                .params("backlog-" + prefix + "%", status).query(Long.class).single();
    }

    @Test
    void aCodeByEmailHasBothPartsAndOnlyTheMaskedTextIsKept() {
        String email = "code-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.tz";

        SendOtpResponse response = Otp.send(grpcPort(), Otp.identityToken(), SendOtpRequest.newBuilder()
                .setDestination(email).setCode("640218").setPurpose("recovery").setValidMinutes(15).setByEmail(true)
                .setLanguage(io.huduma.contracts.common.v1.Language.LANGUAGE_EN).build());

        Inbox.Mail mail = Inbox.awaitMailTo(email);
        assertThat(mail.subject()).isEqualTo("Your verification code");
        assertThat(mail.body()).contains("Your verification code is 640218. It is valid for 15 minutes.");
        assertThat(mail.html()).contains("<strong>640218</strong>");
        String stored = jdbc.sql("SELECT body || coalesce(html, '') FROM delivery WHERE id = ?::uuid")
                .param(response.getDeliveryId()).query(String.class).single();
        assertThat(stored).contains("******").doesNotContain("640218");
    }

    @Test
    void onlyIdentityMayAskAndBadInputIsRefused() {
        SendOtpRequest request = SendOtpRequest.newBuilder().setDestination(aPhone()).setCode("123456")
                .setPurpose("sign-up").build();

        assertThatThrownBy(() -> Otp.send(grpcPort(), Tokens.serviceToken("requests-service"), request))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> Otp.send(grpcPort(), null, request))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        assertThatThrownBy(() -> Otp.send(grpcPort(), token("citizen.amina"), request))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> Otp.send(grpcPort(), Otp.identityToken(),
                request.toBuilder().setDestination("0712345678").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE recipient = ?").param(request.getDestination())
                .query(Long.class).single()).isZero();
    }

    private void awaitDeliveryById(String id, String status) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
                .sql("SELECT status FROM delivery WHERE id = ?::uuid").param(id).query(String.class).single()
                .equals(status));
    }
}
