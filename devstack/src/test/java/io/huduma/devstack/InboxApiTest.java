package io.huduma.devstack;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox API over real SMTP and HTTP: what tests and people read, and the HTTP SMS provider's send API. */
class InboxApiTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private MailServer mail;
    private SmscSimulator smsc;
    private InboxApi inbox;

    @BeforeEach
    void start() throws Exception {
        StackPorts ports = StackPorts.random();
        mail = MailServer.start(ports.smtp());
        smsc = SmscSimulator.start(ports.smpp());
        inbox = InboxApi.start(0, mail, smsc, new HttpSmsProvider(json), json);
    }

    @AfterEach
    void stop() throws Exception {
        inbox.close();
        smsc.close();
        mail.close();
    }

    @Test
    void mailSentOverSmtpIsListedWithItsTextAndHtmlBodies() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(smtp()));
        message.setFrom(new InternetAddress("no-reply@huduma.go.tz"));
        message.setRecipients(Message.RecipientType.TO, "amina@huduma.test");
        message.setSubject("Ombi limepokelewa", "UTF-8");
        message.setHeader("Content-Language", "sw");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Ombi lako HDM-2026-000001 limepokelewa.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Ombi lako <b>HDM-2026-000001</b> limepokelewa.</p>", "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", text, html));
        Transport.send(message, "notifications", "any-password");

        JsonNode mails = get("/mail?to=amina@huduma.test");
        assertThat(mails.size()).isEqualTo(1);
        JsonNode received = mails.get(0);
        assertThat(received.get("from").asString()).isEqualTo("no-reply@huduma.go.tz");
        assertThat(received.get("to").get(0).asString()).isEqualTo("amina@huduma.test");
        assertThat(received.get("subject").asString()).isEqualTo("Ombi limepokelewa");
        assertThat(received.get("body").asString()).isEqualTo("Ombi lako HDM-2026-000001 limepokelewa.");
        assertThat(received.get("html").asString()).contains("<b>HDM-2026-000001</b>");
        assertThat(received.get("language").asString()).isEqualTo("sw");
        assertThat(get("/mail?to=juma@huduma.test")).isEmpty();

        assertThat(send("DELETE", "/mail", null, null).statusCode()).isEqualTo(204);
        assertThat(get("/mail")).isEmpty();
    }

    @Test
    void httpProviderAcceptsSendsAndListsThem() throws Exception {
        HttpResponse<String> sent = send("POST", "/sms-http/send", "Bearer dev-sms-key",
                "{\"from\":\"HUDUMA\",\"to\":\"+255712345678\",\"text\":\"Nambari yako ni 123456\"}");

        assertThat(sent.statusCode()).isEqualTo(200);
        String messageId = json.readTree(sent.body()).get("messageId").asString();
        JsonNode listed = get("/sms-http").get(0);
        assertThat(listed.get("messageId").asString()).isEqualTo(messageId);
        assertThat(listed.get("to").asString()).isEqualTo("+255712345678");
        assertThat(listed.get("text").asString()).isEqualTo("Nambari yako ni 123456");
        assertThat(listed.get("apiKey").asString()).isEqualTo("dev-sms-key");
    }

    @Test
    void httpProviderRefusesWhatARealProviderWould() throws Exception {
        String valid = "{\"to\":\"+255712345678\",\"text\":\"hi\"}";

        assertThat(send("POST", "/sms-http/send", null, valid).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/sms-http/send", "Bearer k", "{\"to\":\"0712345678\",\"text\":\"hi\"}").statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/sms-http/send", "Bearer k", "{\"to\":\"+255712345678\"}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/sms-http/send", "Bearer k", "not json").statusCode()).isEqualTo(400);

        send("POST", "/sms-http/fail-next?count=2&status=503", null, null);
        assertThat(send("POST", "/sms-http/send", "Bearer k", valid).statusCode()).isEqualTo(503);
        assertThat(send("POST", "/sms-http/send", "Bearer k", valid).statusCode()).isEqualTo(503);
        assertThat(send("POST", "/sms-http/send", "Bearer k", valid).statusCode()).isEqualTo(200);
        assertThat(get("/sms-http").size()).isEqualTo(1);
    }

    @Test
    void pageForPeopleAndErrorsForWrongRequests() throws Exception {
        HttpResponse<String> page = send("GET", "/", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("Huduma devstack inbox");

        assertThat(send("GET", "/nothing", null, null).statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/mail", null, null).statusCode()).isEqualTo(405);
        assertThat(send("GET", "/health", null, null).statusCode()).isEqualTo(200);
    }

    private Properties smtp() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(mail.port()));
        return properties;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + inbox.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
