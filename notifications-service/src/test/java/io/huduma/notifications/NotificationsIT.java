package io.huduma.notifications;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import com.google.protobuf.Timestamp;
import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.common.v1.LocalizedText;
import io.huduma.contracts.requests.v1.RequestStatusChanged;
import io.huduma.contracts.requests.v1.RequestSubmitted;
import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.HudumaTestProperties;
import io.huduma.testkit.Infra;
import io.huduma.testkit.ServiceStartupContract;
import io.huduma.testkit.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: one Spring context for the module on the build's real PostgreSQL,
 * Kafka, Keycloak, Eureka, SMTP server, SMSC simulator and HTTP SMS provider, with loopback stand-ins for
 * identity's {@code GetContact}, the catalogue's {@code GetAgency} and requests-service's
 * {@code GetStatusByTrackingNumber}. It also proves the start-up contract
 * every service keeps (health, Eureka, gRPC health, migrations).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "huduma.notifications.sms.smpp.messages-per-second=" + NotificationsIT.SMSC_RATE,
        "huduma.notifications.sms.smpp.reconnect-delay=500ms",
        "huduma.notifications.sms.http.messages-per-second=25",
        "huduma.notifications.delivery.max-attempts=3",
        "huduma.notifications.delivery.initial-backoff=300ms",
        "huduma.notifications.delivery.multiplier=2",
        "huduma.notifications.delivery.max-backoff=2s",
        "huduma.notifications.delivery.poll-interval=200ms",
        "huduma.notifications.recipients.retry-wait=50ms",
        "huduma.notifications.inbound.replies-per-number=" + NotificationsIT.REPLIES_PER_NUMBER,
        "huduma.notifications.inbound.sweep-interval=1s"})
abstract class NotificationsIT extends ServiceStartupContract {

    /** The SMSC's limit in these tests: low enough that a burst of 200 must be paced. */
    static final int SMSC_RATE = 25;
    static final String REQUESTS_SERVICE = "requests-service";
    /** Answers per number to inbound texts in these tests (the rest within the period are not answered). */
    static final int REPLIES_PER_NUMBER = 3;

    static final FakeIdentity IDENTITY = new FakeIdentity();
    static final FakeCatalog CATALOG = new FakeCatalog();
    static final FakeRequests REQUESTS = new FakeRequests();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        HudumaTestProperties.all(registry, "notifications-service");
        HudumaTestProperties.mail(registry);
        registry.add("huduma.notifications.sms.smpp.host", Infra::smppHost);
        registry.add("huduma.notifications.sms.smpp.port", Infra::smppPort);
        registry.add("huduma.notifications.sms.http.url", () -> Infra.inboxUrl() + "/sms-http/send");
        registry.add("spring.grpc.client.channels.identity.address", () -> "static://127.0.0.1:" + IDENTITY.port());
        registry.add("spring.grpc.client.channels.service-catalog.address", () -> "static://127.0.0.1:" + CATALOG.port());
        registry.add("spring.grpc.client.channels.requests-service.address", () -> "static://127.0.0.1:" + REQUESTS.port());
    }

    @LocalServerPort
    int port;

    @LocalGrpcPort
    int grpcPort;

    @Autowired
    JdbcClient jdbc;

    int grpcPort() {
        return grpcPort;
    }

    NotificationsIT() {
        super("notifications-service");
    }

    JsonHttp http() {
        return new JsonHttp(port);
    }

    /** A real token of a demo user, fetched once per test JVM (they live longer than this build's tests). */
    static String token(String username) {
        return TOKENS.computeIfAbsent(username, Tokens::forUser);
    }

    /** A phone number no other test uses: +2557 and eight random digits. */
    static String aPhone() {
        return "+2557" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A citizen known to identity (the stand-in) who accepts SMS and email. */
    static String aCitizen(String language, String phone, String email) {
        String subject = UUID.randomUUID().toString();
        IDENTITY.add(subject, "Amina Juma", phone, email, language, true, true);
        return subject;
    }

    static String aTrackingNumber() {
        return "HDM-2026-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    /** requests-service's RequestSubmitted for {@code citizen}, as it publishes it. */
    static EventEnvelope requestSubmitted(String citizen, String trackingNumber) {
        String requestId = UUID.randomUUID().toString();
        return Events.publish(Topics.REQUESTS, REQUESTS_SERVICE, requestId, "brela", RequestSubmitted.newBuilder()
                .setRequestId(requestId).setTrackingNumber(trackingNumber).setServiceId(UUID.randomUUID().toString())
                .setServiceVersion(1).setAgencyCode("brela")
                .setServiceName(LocalizedText.newBuilder().setSw("Usajili wa jina la biashara")
                        .setEn("Business name registration"))
                .setCitizenSubject(citizen)
                .setDueAt(Timestamp.newBuilder().setSeconds(1_797_000_000L))
                .build());
    }

    static EventEnvelope statusChanged(String citizen, String trackingNumber, String from, String to, String note) {
        String requestId = UUID.randomUUID().toString();
        return Events.publish(Topics.REQUESTS, REQUESTS_SERVICE, requestId, "brela", RequestStatusChanged.newBuilder()
                .setRequestId(requestId).setTrackingNumber(trackingNumber).setAgencyCode("brela")
                .setServiceName(LocalizedText.newBuilder().setSw("Usajili wa jina la biashara")
                        .setEn("Business name registration"))
                .setCitizenSubject(citizen).setFromStatus(from).setToStatus(to).setVisibleNote(note)
                .build());
    }

    /** The deliveries an event caused, as stored. */
    List<Map<String, Object>> deliveriesOf(String eventId) {
        return jdbc.sql("SELECT * FROM delivery WHERE cause_event_id = ? ORDER BY created_at").param(eventId)
                .query().listOfRows();
    }

    /** Waits until the one delivery of {@code eventId} on {@code channel} has {@code status}; returns its row. */
    Map<String, Object> awaitDelivery(String eventId, String channel, String status) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> jdbc.sql("SELECT * FROM delivery WHERE cause_event_id = ? AND channel = ?")
                        .params(eventId, channel).query().listOfRows(),
                rows -> rows.size() == 1 && status.equals(rows.get(0).get("status"))).get(0);
    }
}
