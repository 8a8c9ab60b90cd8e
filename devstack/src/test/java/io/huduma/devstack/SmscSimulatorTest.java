package io.huduma.devstack;

import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real jsmpp client binds to the simulator and submits; the messages show in the inbox API. */
class SmscSimulatorTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private SmscSimulator smsc;
    private MailServer mail;
    private InboxApi inbox;
    private SMPPSession client;

    @BeforeEach
    void start() throws Exception {
        StackPorts ports = StackPorts.random();
        smsc = SmscSimulator.start(ports.smpp());
        mail = MailServer.start(ports.smtp());
        inbox = InboxApi.start(0, mail, smsc, new HttpSmsProvider(json), json);
        client = new SMPPSession();
    }

    @AfterEach
    void stop() throws Exception {
        client.unbindAndClose();
        inbox.close();
        mail.close();
        smsc.close();
    }

    @Test
    void submittedMessageShowsInTheInboxWithItsDataCoding() throws Exception {
        bind(BindType.BIND_TX);

        SubmitSmResult result = submit("+255712345678", "Ombi lako HDM-1 limepokelewa".getBytes(StandardCharsets.US_ASCII),
                new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), new RegisteredDelivery(0));

        JsonNode sms = single(get("/sms"));
        assertThat(sms.get("messageId").asString()).isEqualTo(result.getMessageId());
        assertThat(sms.get("source").asString()).isEqualTo("HUDUMA");
        assertThat(sms.get("destination").asString()).isEqualTo("+255712345678");
        assertThat(sms.get("text").asString()).isEqualTo("Ombi lako HDM-1 limepokelewa");
        assertThat(sms.get("dataCoding").asInt()).isZero();
        assertThat(sms.get("systemId").asString()).isEqualTo("notifications");
        assertThat(get("/sms?destination=%2B255700000000")).isEmpty();
    }

    @Test
    void ucs2MessagesAreDecoded() throws Exception {
        bind(BindType.BIND_TX);

        submit("+255712345678", "Habari – ✓".getBytes(StandardCharsets.UTF_16BE),
                new GeneralDataCoding(Alphabet.ALPHA_UCS2), new RegisteredDelivery(0));

        JsonNode sms = single(get("/sms"));
        assertThat(sms.get("text").asString()).isEqualTo("Habari – ✓");
        assertThat(sms.get("dataCoding").asInt()).isEqualTo(8);
    }

    @Test
    void answersWithADeliveryReceiptWhenAskedTo() throws Exception {
        Listener listener = new Listener(false);
        CompletableFuture<DeliverSm> receipt = listener.receipt;
        client.setMessageReceiverListener(listener);
        bind(BindType.BIND_TRX);

        SubmitSmResult result = submit("+255765432109", "Code 123456".getBytes(StandardCharsets.US_ASCII),
                new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE));

        DeliverSm deliver = receipt.get(10, TimeUnit.SECONDS);
        DeliveryReceipt parsed = deliver.getShortMessageAsDeliveryReceipt();
        assertThat(parsed.getId()).isEqualTo(result.getMessageId());
        assertThat(parsed.getFinalStatus()).isEqualTo(DeliveryReceiptState.DELIVRD);
        assertThat(deliver.getSourceAddr()).isEqualTo("+255765432109");
        assertThat(single(get("/sms")).get("receiptRequested").asBoolean()).isTrue();
    }

    @Test
    void joinsConcatenatedPartsArrivingInAnyOrder() throws Exception {
        bind(BindType.BIND_TX);
        byte[] udh = {0x05, 0x00, 0x03, 0x2A, 0x02, 0x01};
        ESMClass udhi = new ESMClass(0x40);

        client.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "HUDUMA",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "+255712345678", udhi, (byte) 0, (byte) 1,
                null, null, new RegisteredDelivery(0), (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), (byte) 0,
                concat(udh, "second half".getBytes(StandardCharsets.US_ASCII), 2));
        assertThat(get("/sms")).isEmpty();
        client.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "HUDUMA",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "+255712345678", udhi, (byte) 0, (byte) 1,
                null, null, new RegisteredDelivery(0), (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), (byte) 0,
                concat(udh, "first half, ".getBytes(StandardCharsets.US_ASCII), 1));

        JsonNode sms = single(get("/sms"));
        assertThat(sms.get("text").asString()).isEqualTo("first half, second half");
        assertThat(sms.get("parts").asInt()).isEqualTo(2);
    }

    @Test
    void readsLongMessagesFromMessagePayload() throws Exception {
        bind(BindType.BIND_TX);
        String text = "x".repeat(300);

        client.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "HUDUMA",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "+255712345678", new ESMClass(), (byte) 0,
                (byte) 1, null, null, new RegisteredDelivery(0), (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                (byte) 0, new byte[0], new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(),
                        text.getBytes(StandardCharsets.US_ASCII)));

        assertThat(single(get("/sms")).get("text").asString()).isEqualTo(text);
    }

    @Test
    void refusesSubmissionsWhenToldToAndClears() throws Exception {
        bind(BindType.BIND_TX);
        send("POST", "/sms/reject-next?count=1");

        assertThatThrownBy(() -> submit("+255712345678", "lost".getBytes(StandardCharsets.US_ASCII),
                new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), new RegisteredDelivery(0)))
                .isInstanceOf(NegativeResponseException.class);
        submit("+255712345678", "retried".getBytes(StandardCharsets.US_ASCII),
                new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), new RegisteredDelivery(0));
        assertThat(single(get("/sms")).get("text").asString()).isEqualTo("retried");

        assertThat(send("DELETE", "/sms").statusCode()).isEqualTo(204);
        assertThat(get("/sms")).isEmpty();
    }

    @Test
    void handsAMobileOriginatedMessageToTheBoundTransceiver() throws Exception {
        List<DeliverSm> received = bindListening(BindType.BIND_TRX, false).inbound;

        HttpResponse<String> sent = post("/sms/inbound",
                "{\"from\":\"+255712345678\",\"to\":\"15555\",\"text\":\"HALI HD-7K3P-9QX2\"}");

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        JsonNode answer = json.readTree(sent.body());
        assertThat(answer.get("attempts").get(0).asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(answer.get("systemId").asString()).isEqualTo("notifications");
        assertThat(received).hasSize(1);
        DeliverSm deliver = received.get(0);
        assertThat(deliver.isSmscDeliveryReceipt()).isFalse();
        assertThat(deliver.getSourceAddr()).isEqualTo("+255712345678");
        assertThat(deliver.getDestAddress()).isEqualTo("15555");
        assertThat(deliver.getDataCoding()).isZero();
        assertThat(SmsText.gsm(deliver.getShortMessage())).isEqualTo("HALI HD-7K3P-9QX2");
        OptionalParameter reference = deliver.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE);
        assertThat(((OptionalParameter.Short) reference).getValue() & 0xFFFF)
                .isEqualTo(answer.get("reference").asInt());
        assertThat(send("GET", "/").body()).contains("SMS written to the platform (inbound) &ndash; 1", "HALI HD-7K3P-9QX2");
        JsonNode listed = single(get("/sms/inbound?from=%2B255712345678"));
        assertThat(listed.get("text").asString()).isEqualTo("HALI HD-7K3P-9QX2");
        assertThat(get("/sms/inbound?from=%2B255700000000")).isEmpty();
    }

    @Test
    void redeliversTheSamePduWhenAskedAndReportsARefusal() throws Exception {
        List<DeliverSm> received = bindListening(BindType.BIND_RX, true).inbound;

        HttpResponse<String> sent = post("/sms/inbound",
                "{\"from\":\"255712345678\",\"to\":\"15555\",\"text\":\"Habari – ✓\",\"times\":2}");

        JsonNode answer = json.readTree(sent.body());
        assertThat(answer.get("attempts").size()).isEqualTo(2);
        assertThat(answer.get("attempts").get(0).asString()).startsWith("REFUSED");
        assertThat(received).hasSize(2);
        assertThat(received.get(0).getDataCoding()).isEqualTo((byte) 8);
        assertThat(new String(received.get(1).getShortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("Habari – ✓");
        assertThat(received.get(0).getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE).serialize())
                .isEqualTo(received.get(1).getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE).serialize());
    }

    @Test
    void refusesAnInboundMessageWithoutAReceiverOrWithABadBody() throws Exception {
        bind(BindType.BIND_TX);
        String valid = "{\"from\":\"+255712345678\",\"to\":\"15555\",\"text\":\"HELP\"}";

        assertThat(post("/sms/inbound", valid).statusCode()).isEqualTo(409);
        assertThat(post("/sms/inbound", "{\"from\":\"0712\",\"to\":\"15555\",\"text\":\"HELP\"}").statusCode())
                .isEqualTo(400);
        assertThat(post("/sms/inbound", "{\"from\":\"+255712345678\",\"to\":\"15555\"}").statusCode()).isEqualTo(400);
        assertThat(post("/sms/inbound", "{\"from\":\"+255712345678\",\"to\":\"1\",\"text\":\"x\",\"times\":9}")
                .statusCode()).isEqualTo(400);
        assertThat(post("/sms/inbound", "not json").statusCode()).isEqualTo(400);
        assertThat(get("/sms/inbound")).isEmpty();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + inbox.port() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Listener bindListening(BindType type, boolean refuseFirst) throws Exception {
        Listener listener = new Listener(refuseFirst);
        client.setMessageReceiverListener(listener);
        bind(type);
        return listener;
    }

    private void bind(BindType type) throws Exception {
        client.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(type, "notifications", "secret", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5_000);
    }

    private SubmitSmResult submit(String to, byte[] body, GeneralDataCoding coding, RegisteredDelivery delivery)
            throws Exception {
        return client.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "HUDUMA",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, new ESMClass(), (byte) 0, (byte) 1,
                null, null, delivery, (byte) 0, coding, (byte) 0, body);
    }

    private static byte[] concat(byte[] udh, byte[] text, int part) {
        byte[] all = new byte[udh.length + text.length];
        System.arraycopy(udh, 0, all, 0, udh.length);
        all[udh.length - 1] = (byte) part;
        System.arraycopy(text, 0, all, udh.length, text.length);
        return all;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send("GET", path);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + inbox.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode single(JsonNode array) {
        assertThat(array.size()).as("messages in %s", array).isEqualTo(1);
        return array.get(0);
    }

    /**
     * Takes delivery receipts (deliver_sm with the receipt message type) and mobile-originated deliver_sm;
     * {@code refuseFirst}: the first mobile-originated one is answered with a temporary error.
     */
    private static final class Listener implements MessageReceiverListener {

        private final CompletableFuture<DeliverSm> receipt = new CompletableFuture<>();
        private final List<DeliverSm> inbound = new CopyOnWriteArrayList<>();
        private final AtomicBoolean refuseFirst;

        Listener(boolean refuseFirst) {
            this.refuseFirst = new AtomicBoolean(refuseFirst);
        }

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (deliverSm.isSmscDeliveryReceipt()) {
                receipt.complete(deliverSm);
                return;
            }
            inbound.add(deliverSm);
            if (refuseFirst.getAndSet(false)) {
                throw new ProcessRequestException("try later", 0x00000064);
            }
        }

        @Override
        public void onAcceptAlertNotification(org.jsmpp.bean.AlertNotification alertNotification) {
        }

        @Override
        public org.jsmpp.session.DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm,
                                                            org.jsmpp.session.Session source) {
            return null;
        }
    }
}
