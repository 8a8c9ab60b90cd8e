package io.huduma.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.common.v1.LocalizedText;
import io.huduma.contracts.requests.v1.RequestSubmitted;
import io.huduma.platform.events.EventEnvelopes;
import io.huduma.testkit.Inbox;
import io.huduma.testkit.Infra;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Not a test: a benchmark (run by {@code notifications-service/bench/burst.sh}). Starts the service on the
 * shared infrastructure with a loopback stand-in for identity, publishes a burst of RequestSubmitted
 * events, waits for every SMS at the real SMSC simulator and prints events per second and the
 * event-to-SMSC latency (envelope time to the SMSC's receipt of the submit_sm).
 *
 * <p>Arguments: {@code [events=1000] [smscMessagesPerSecond=500]}.
 */
public final class BurstBenchmark {

    private BurstBenchmark() {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        FakeIdentity identity = new FakeIdentity();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", Infra.freshDatabase("notifications_bench"));
        properties.put("spring.datasource.username", Infra.postgresUser());
        properties.put("spring.datasource.password", Infra.postgresPassword());
        properties.put("spring.kafka.bootstrap-servers", Infra.kafkaBootstrapServers());
        properties.put("spring.kafka.consumer.group-id", "bench-" + UUID.randomUUID());
        // only the burst: skip what earlier runs left on the topic
        properties.put("spring.kafka.consumer.auto-offset-reset", "latest");
        properties.put("huduma.keycloak.url", Infra.keycloakUrl());
        properties.put("eureka.client.enabled", "false");
        properties.put("server.port", "0");
        properties.put("spring.grpc.server.port", "0");
        properties.put("spring.mail.host", Infra.smtpHost());
        properties.put("spring.mail.port", Infra.smtpPort());
        properties.put("huduma.notifications.sms.smpp.host", Infra.smppHost());
        properties.put("huduma.notifications.sms.smpp.port", Infra.smppPort());
        properties.put("huduma.notifications.sms.smpp.messages-per-second", rate);
        properties.put("huduma.notifications.sms.http.url", Infra.inboxUrl() + "/sms-http/send");
        properties.put("spring.grpc.client.channels.identity.address", "static://127.0.0.1:" + identity.port());
        properties.put("logging.level.root", "WARN");
        // as command-line arguments: they outrank application.yaml (default properties would not)
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(NotificationsApplication.class)
                .run(arguments)) {
            // the burst starts once the listener owns every partition of the topic
            KafkaListenerEndpointRegistry listeners = app.getBean(KafkaListenerEndpointRegistry.class);
            Instant joinBy = Instant.now().plus(Duration.ofMinutes(2));
            while (Instant.now().isBefore(joinBy) && listeners.getListenerContainer("notifications-requests")
                    .getAssignedPartitions().size() < 3) {
                sleepQuietly(Duration.ofMillis(200));
            }
            Map<String, Instant> published = new HashMap<>();
            Map<String, String> citizens = new HashMap<>();
            for (int i = 0; i < events; i++) {
                String phone = NotificationsIT.aPhone();
                String citizen = UUID.randomUUID().toString();
                identity.add(citizen, "Mwananchi " + i, phone, "", i % 2 == 0 ? "sw" : "en", true, true);
                citizens.put(citizen, phone);
            }
            Instant start = Instant.now();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
                for (Map.Entry<String, String> citizen : citizens.entrySet()) {
                    String requestId = UUID.randomUUID().toString();
                    EventEnvelope event = EventEnvelopes.wrap("requests-service", requestId, "brela",
                            RequestSubmitted.newBuilder().setRequestId(requestId)
                                    .setTrackingNumber(NotificationsIT.aTrackingNumber()).setAgencyCode("brela")
                                    .setServiceName(LocalizedText.newBuilder().setSw("Leseni ya biashara")
                                            .setEn("Business licence"))
                                    .setCitizenSubject(citizen.getKey()).build());
                    producer.send(new ProducerRecord<>(Topics.REQUESTS, requestId, event.toByteArray()));
                    published.put(citizen.getValue(), EventEnvelopes.time(event));
                }
                producer.flush();
            }
            Instant allPublished = Instant.now();
            Map<String, Instant> received = new HashMap<>();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (received.size() < events && Instant.now().isBefore(deadline)) {
                for (Inbox.Sms sms : Inbox.sms()) {
                    if (published.containsKey(sms.destination())) {
                        received.putIfAbsent(sms.destination(), sms.receivedAt());
                    }
                }
                sleepQuietly(Duration.ofMillis(500));
            }
            Instant last = received.values().stream().max(Instant::compareTo).orElse(Instant.now());
            List<Long> latencies = received.entrySet().stream()
                    .map(e -> Duration.between(published.get(e.getKey()), e.getValue()).toMillis()).sorted().toList();
            double seconds = Duration.between(start, last).toMillis() / 1000.0;
            System.out.printf("%nRequestSubmitted burst: %d events published in %.2f s, %d SMS at the SMSC%n", events,
                    Duration.between(start, allPublished).toMillis() / 1000.0, received.size());
            System.out.printf("throughput: %.1f events/s (first publish to last SMS at the SMSC, SMSC limit %d/s)%n",
                    received.size() / seconds, rate);
            System.out.printf("event->SMSC latency: p50 %d ms, p99 %d ms, max %d ms%n", percentile(latencies, 50),
                    percentile(latencies, 99), latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
        }
        System.exit(0);
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
