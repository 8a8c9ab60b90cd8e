package io.huduma.requests.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.notifications.v1.NotificationDelivered;
import io.huduma.contracts.notifications.v1.NotificationFailed;
import io.huduma.platform.events.EventEnvelopes;
import io.huduma.testkit.TopicEvents;
import io.huduma.testkit.JsonHttp;
import io.huduma.requests.RequestsIT;
import io.huduma.testkit.Infra;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** notifications-service's delivery reports, sent on the real topic, land once in the request's timeline. */
class DeliveryReportsIT extends RequestsIT {

    @Test
    void deliveredAndFailedMessagesAppearInTheTimelineOnce() throws Exception {
        UUID id = submitted(AMINA, aBrelaService());
        EventEnvelope submitted = TopicEvents.await(Topics.REQUESTS, id.toString(), 1).get(0);

        EventEnvelope delivered = EventEnvelopes.wrap("notifications-service", "delivery-1", "brela",
                NotificationDelivered.newBuilder().setDeliveryId("delivery-1").setChannel("sms")
                        .setCauseEventId(submitted.getId()).setRecipientSubject(subjectOf(AMINA)).build());
        EventEnvelope failed = EventEnvelopes.wrap("notifications-service", "delivery-2", "brela",
                NotificationFailed.newBuilder().setDeliveryId("delivery-2").setChannel("email")
                        .setCauseEventId(submitted.getId()).setReason("mailbox unavailable").build());
        EventEnvelope unrelated = EventEnvelopes.wrap("notifications-service", "delivery-3", "",
                NotificationDelivered.newBuilder().setDeliveryId("delivery-3").setChannel("sms")
                        .setCauseEventId(UUID.randomUUID().toString()).build());
        send(delivered, failed, delivered, unrelated);

        List<JsonNode> reports = awaitReports(id, 2);
        assertThat(reports).extracting(e -> e.path("kind").asString())
                .containsExactly("NOTIFICATION_DELIVERED", "NOTIFICATION_FAILED");
        assertThat(reports.get(1).path("note").asString()).isEqualTo("email: mailbox unavailable");
    }

    private List<JsonNode> awaitReports(UUID id, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<JsonNode> reports = List.of();
        while (System.nanoTime() < deadline) {
            JsonHttp.Response timeline = http().get("/api/v1/requests/" + id + "/timeline", token(AMINA));
            reports = timeline.body().valueStream().filter(e -> e.path("kind").asString().startsWith("NOTIFICATION")).toList();
            if (reports.size() >= expected) {
                Thread.sleep(2_000); // a duplicate would show up by now
                return http().get("/api/v1/requests/" + id + "/timeline", token(AMINA)).body().valueStream()
                        .filter(e -> e.path("kind").asString().startsWith("NOTIFICATION")).toList();
            }
            Thread.sleep(200);
        }
        return reports;
    }

    private static void send(EventEnvelope... envelopes) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (EventEnvelope envelope : envelopes) {
                producer.send(new ProducerRecord<>(Topics.NOTIFICATION_DELIVERIES, envelope.getSubject(), envelope.toByteArray())).get();
            }
        }
    }
}
