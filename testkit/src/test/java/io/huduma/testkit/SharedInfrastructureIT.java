package io.huduma.testkit;

import io.huduma.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared infrastructure keeps the contract of {@code infra.env}: every component answers where it
 * says, and the {@link Inbox} helpers read back what was sent to the mail server, the SMSC and the HTTP
 * SMS provider. Messages are told apart by unique recipients, as other test runs may share the inbox.
 */
class SharedInfrastructureIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void freshDatabasesAreEmptyAndWritable() throws Exception {
        String url = Infra.freshDatabase("testkit");

        try (Connection connection = DriverManager.getConnection(url, Infra.postgresUser(), Infra.postgresPassword());
             Statement statement = connection.createStatement()) {
            try (ResultSet tables = statement.executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                tables.next();
                assertThat(tables.getInt(1)).isZero();
            }
            statement.execute("CREATE TABLE probe (id int PRIMARY KEY)");
            statement.execute("INSERT INTO probe VALUES (1)");
            try (ResultSet version = statement.executeQuery("SHOW server_version")) {
                version.next();
                assertThat(version.getString(1)).startsWith("17.");
            }
        }
        assertThat(url).isNotEqualTo(Infra.freshDatabase("testkit"));
    }

    @Test
    void everyTopicExistsWithThreePartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get(30, TimeUnit.SECONDS);

            assertThat(topics).containsOnlyKeys(Topics.ALL);
            topics.values().forEach(topic -> assertThat(topic.partitions()).as(topic.name()).hasSize(3));
        }
    }

    @Test
    void eurekaAndKeycloakAnswer() throws Exception {
        HttpResponse<String> apps = http.send(Infra.eurekaRequest("apps")
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(apps.statusCode()).isEqualTo(200);
        assertThat(apps.body()).contains("applications");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(Infra.eurekaUrl() + "apps"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("the registry without its credentials").isEqualTo(401);

        HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(
                URI.create(Infra.issuer() + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"" + Infra.issuer() + "\"");
    }

    @Test
    void mailSentOverSmtpIsReadBackThroughTheInbox() throws Exception {
        String to = "probe-" + ThreadLocalRandom.current().nextInt(1_000_000) + "@huduma.test";
        try (Socket socket = new Socket(Infra.smtpHost(), Infra.smtpPort());
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            expect(in, "220");
            for (String[] step : new String[][] {{"HELO testkit", "250"}, {"MAIL FROM:<no-reply@huduma.go.tz>", "250"},
                    {"RCPT TO:<" + to + ">", "250"}, {"DATA", "354"},
                    {"Subject: Karibu\r\nFrom: no-reply@huduma.go.tz\r\nTo: " + to + "\r\n\r\nKaribu Huduma\r\n.", "250"},
                    {"QUIT", "221"}}) {
                out.print(step[0] + "\r\n");
                out.flush();
                expect(in, step[1]);
            }
        }

        Inbox.Mail mail = Inbox.awaitMailTo(to);
        assertThat(mail.subject()).isEqualTo("Karibu");
        assertThat(mail.body()).contains("Karibu Huduma");
        assertThat(mail.from()).isEqualTo("no-reply@huduma.go.tz");
    }

    @Test
    void smsSubmittedOverSmppIsReadBackThroughTheInbox() throws Exception {
        String to = "+2557" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        SMPPSession session = new SMPPSession();
        try {
            session.connectAndBind(Infra.smppHost(), Infra.smppPort(), new BindParameter(BindType.BIND_TX, "testkit",
                    "secret", "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
            session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "HUDUMA",
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, new ESMClass(), (byte) 0, (byte) 1,
                    null, null, new RegisteredDelivery(0), (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                    (byte) 0, "Karibu Huduma".getBytes(StandardCharsets.US_ASCII));
        } finally {
            session.unbindAndClose();
        }

        Inbox.Sms sms = Inbox.awaitSmsTo(to);
        assertThat(sms.text()).isEqualTo("Karibu Huduma");
        assertThat(sms.source()).isEqualTo("HUDUMA");
        assertThat(sms.systemId()).isEqualTo("testkit");
    }

    @Test
    void httpSmsProviderMessagesAreReadBackThroughTheInbox() throws Exception {
        String to = "+2556" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(Inbox.httpSmsSendUrl()))
                .header("Authorization", "Bearer testkit-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"HUDUMA\",\"to\":\"" + to + "\",\"text\":\"Karibu\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(200);

        Inbox.HttpSms sms = Inbox.awaitHttpSmsTo(to);
        assertThat(sms.text()).isEqualTo("Karibu");
        assertThat(sms.apiKey()).isEqualTo("testkit-key");
        assertThat(sent.body()).contains(sms.messageId());
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        assertThat(line).startsWith(code);
    }
}
