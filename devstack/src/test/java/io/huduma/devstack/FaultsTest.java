package io.huduma.devstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's fault switches through the inbox API, on a real broker and a real PostgreSQL of this
 * test's own: what either acknowledged before the fault is still there after it, on the same port.
 */
class FaultsTest {

    private static final String TOPIC = "faults.test";

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> started = new ArrayList<>();
    private InboxApi inbox;
    private KafkaBroker kafka;
    private PostgresServer postgres;

    @TempDir
    Path data;

    @BeforeEach
    void start() throws Exception {
        StackPorts ports = StackPorts.random();
        kafka = started(KafkaBroker.start(data.resolve("kafka"), ports.kafka(), ports.kafkaController()));
        postgres = started(PostgresServer.start(data.resolve("postgres"), ports.postgres(), List.of()));
        MailServer mail = started(MailServer.start(ports.smtp()));
        SmscSimulator smsc = started(SmscSimulator.start(ports.smpp()));
        inbox = started(InboxApi.start(0, mail, smsc, new HttpSmsProvider(json), json));
    }

    @AfterEach
    void stop() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // the next one still has to stop
            }
        }
    }

    @Test
    void withoutTheLocalStacksSwitchesThereAreNoFaults() throws Exception {
        assertThat(post("/faults/kafka/stop").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/faults/kafka/stop").statusCode()).isEqualTo(404);
    }

    @Test
    void kafkaStoppedAndStartedAgainKeepsWhatItAcknowledged() throws Exception {
        inbox.enableFaults(new Faults(kafka, postgres, null, () -> { }));
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, "before the fault")).get();
        }

        HttpResponse<String> stopped = post("/faults/kafka/stop");
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(json.readTree(stopped.body()).path("changed").asBoolean()).isTrue();
        assertThat(json.readTree(post("/faults/kafka/stop").body()).path("changed").asBoolean()).isFalse();
        assertThat(send("GET", "/faults/kafka/start").statusCode()).isEqualTo(405);
        assertThat(post("/faults/kafka/explode").statusCode()).isEqualTo(404);
        HttpResponse<String> restarted = post("/faults/kafka/start");
        assertThat(restarted.statusCode()).isEqualTo(200);
        assertThat(json.readTree(restarted.body()).path("changed").asBoolean()).isTrue();

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "faults-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        values.add(record.value());
                    }
                }
            }
            assertThat(values).containsExactly("before the fault");
        }
    }

    @Test
    void postgresRestartedKeepsCommittedRowsOnTheSamePort() throws Exception {
        inbox.enableFaults(new Faults(kafka, postgres, null, () -> { }));
        long before = postgres.pid().orElseThrow();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER,
                PostgresServer.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE acknowledged (id text PRIMARY KEY)");
            statement.execute("INSERT INTO acknowledged VALUES ('before the fault')");
        }

        HttpResponse<String> restarted = post("/faults/postgres/restart");
        assertThat(restarted.statusCode()).as(restarted.body()).isEqualTo(200);

        assertThat(postgres.pid()).isPresent().isNotEqualTo(java.util.OptionalLong.of(before));
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER,
                PostgresServer.PASSWORD); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM acknowledged")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("before the fault");
        }
    }

    private <T extends AutoCloseable> T started(T component) {
        started.add(component);
        return component;
    }

    private HttpResponse<String> post(String path) throws Exception {
        return send("POST", path);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + inbox.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
