package io.huduma.notifications.sms;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The primary SMS route: an SMSC over SMPP 3.4 (jsmpp), bound as a transceiver so that delivery receipts
 * ({@code deliver_sm}) and the messages handsets write to the platform come back on the same session. Binds in the background and again whenever the
 * session drops; while unbound, {@link #send} fails at once so the router tries the next provider.
 */
public class SmppProvider implements SmsProvider, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppProvider.class);
    /** SMPP 3.4 ESME_RX_T_APPN: the ESME cannot take the message now; the SMSC retries it. */
    private static final int ESME_RX_T_APPN = 0x00000064;

    private final SmsProperties.Smpp config;
    private final String sender;
    private final SmsReceipts receipts;
    private final Supplier<IncomingSms> incoming;
    private final ScheduledExecutorService binder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "smpp-bind");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService receiptWorkers = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "smpp-receipts");
        thread.setDaemon(true);
        return thread;
    });
    private volatile SMPPSession session;
    private volatile boolean closed;

    public SmppProvider(SmsProperties.Smpp config, String sender, SmsReceipts receipts) {
        this(config, sender, receipts, () -> null);
    }

    /**
     * @param incoming where mobile-originated messages go (looked up when one arrives; {@code null}: they
     *                 are acknowledged and dropped)
     */
    public SmppProvider(SmsProperties.Smpp config, String sender, SmsReceipts receipts,
                        Supplier<IncomingSms> incoming) {
        this.config = config;
        this.sender = sender;
        this.receipts = receipts;
        this.incoming = incoming;
    }

    /** Starts binding in the background (the service starts while the SMSC is down). */
    public void start() {
        binder.execute(this::bind);
    }

    @Override
    public String name() {
        return "smpp";
    }

    @Override
    public int priority() {
        return config.priority();
    }

    @Override
    public double messagesPerSecond() {
        return config.messagesPerSecond();
    }

    /** Whether a session is bound now. */
    public boolean bound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound();
    }

    @Override
    public String send(String destination, String text) throws SmsNotSent {
        SMPPSession current = session;
        if (current == null || !current.getSessionState().isBound()) {
            throw new SmsNotSent("SMSC " + config.host() + ":" + config.port() + " is not bound");
        }
        SmsEncoding encoding = SmsEncoding.of(text);
        List<String> parts = encoding.split(text);
        int reference = ThreadLocalRandom.current().nextInt(256);
        String messageId = null;
        try {
            for (int i = 0; i < parts.size(); i++) {
                byte[] body = encoding.encode(parts.get(i));
                ESMClass esm = new ESMClass();
                if (parts.size() > 1) {
                    // concatenation user data header: IE 0x00, reference, total, sequence
                    byte[] udh = {0x05, 0x00, 0x03, (byte) reference, (byte) parts.size(), (byte) (i + 1)};
                    byte[] joined = new byte[udh.length + body.length];
                    System.arraycopy(udh, 0, joined, 0, udh.length);
                    System.arraycopy(body, 0, joined, udh.length, body.length);
                    body = joined;
                    esm = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
                }
                boolean last = i == parts.size() - 1;
                // one receipt per message: asked for on its last part, whose id is the message's id
                RegisteredDelivery receipt = new RegisteredDelivery(
                        last ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT);
                messageId = current.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                        sender, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, destination, esm, (byte) 0,
                        (byte) 1, null, null, receipt, (byte) 0, DataCodings.newInstance(encoding.dataCoding()),
                        (byte) 0, body).getMessageId();
            }
            return messageId;
        } catch (NegativeResponseException e) {
            throw new SmsNotSent("SMSC refused the message (command status " + e.getCommandStatus() + ")");
        } catch (ResponseTimeoutException e) {
            throw new SmsNotSent("SMSC did not answer within " + config.responseTimeout());
        } catch (PDUException | InvalidResponseException | IOException e) {
            throw new SmsNotSent("SMSC submission failed: " + e.getMessage(), e);
        }
    }

    private void bind() {
        if (closed) {
            return;
        }
        SMPPSession candidate = new SMPPSession();
        candidate.setTransactionTimer(config.responseTimeout().toMillis());
        candidate.setEnquireLinkTimer((int) config.enquireLink().toMillis());
        candidate.setMessageReceiverListener(new Receipts());
        try {
            candidate.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX,
                    config.systemId(), config.password(), "huduma", TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, null), config.responseTimeout().toMillis());
            candidate.addSessionStateListener(this::onStateChange);
            session = candidate;
            log.info("Bound to the SMSC {}:{} as a transceiver ({})", config.host(), config.port(), config.systemId());
        } catch (IOException e) {
            log.warn("Cannot bind to the SMSC {}:{} ({}); trying again in {}", config.host(), config.port(),
                    e.getMessage(), config.reconnectDelay());
            candidate.close();
            scheduleBind();
        }
    }

    private void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (!newState.isBound() && source == session && !closed) {
            log.warn("SMSC session {} -> {}; binding again", oldState, newState);
            session = null;
            source.close();
            scheduleBind();
        }
    }

    private void scheduleBind() {
        if (!closed) {
            binder.schedule(this::bind, config.reconnectDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    @PreDestroy
    public void close() {
        closed = true;
        binder.shutdownNow();
        SMPPSession current = session;
        if (current != null) {
            current.unbindAndClose();
        }
        receiptWorkers.shutdown();
    }

    /**
     * A mobile-originated message: handed on once recorded, then acknowledged. When it cannot be recorded the
     * SMSC gets a temporary error ({@code ESME_RX_T_APPN}) and delivers it again later.
     */
    private void received(DeliverSm deliverSm) throws ProcessRequestException {
        IncomingSms target = incoming.get();
        if (target == null) {
            log.info("Ignoring a mobile-originated message from the SMSC (nothing takes them)");
            return;
        }
        byte[] body = deliverSm.getShortMessage();
        OptionalParameter payload = deliverSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        if ((body == null || body.length == 0) && payload instanceof OptionalParameter.OctetString octets) {
            body = octets.getValue();
        }
        body = body == null ? new byte[0] : body;
        if (GSMSpecificFeature.UDHI.containedIn(deliverSm.getEsmClass()) && body.length > 0) {
            // a part of a long message: its user data header is not text (keywords fit one part)
            body = java.util.Arrays.copyOfRange(body, Math.min(body.length, 1 + (body[0] & 0xFF)), body.length);
        }
        OptionalParameter reference = deliverSm.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE);
        int ref = reference instanceof OptionalParameter.Short s ? s.getValue() & 0xFFFF : -1;
        try {
            target.received(new MobileOriginatedSms(deliverSm.getSourceAddr(), deliverSm.getDestAddress(),
                    SmsEncoding.decode(body, deliverSm.getDataCoding()), ref));
        } catch (RuntimeException e) {
            log.warn("A mobile-originated message could not be recorded; the SMSC will deliver it again: {}",
                    e.toString());
            throw new ProcessRequestException("cannot take the message now", ESME_RX_T_APPN);
        }
    }

    /** Delivery receipts arrive as {@code deliver_sm}; they are handled off the session's reader thread. */
    private final class Receipts implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                received(deliverSm);
                return;
            }
            try {
                DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                OptionalParameter receipted = deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
                String id = receipted instanceof OptionalParameter.COctetString text
                        ? text.getValueAsString() : receipt.getId();
                DeliveryReceiptState state = receipt.getFinalStatus();
                receiptWorkers.execute(() -> {
                    if (state == DeliveryReceiptState.DELIVRD) {
                        receipts.delivered(name(), id);
                    } else if (state != DeliveryReceiptState.ENROUTE && state != DeliveryReceiptState.ACCEPTD) {
                        receipts.undeliverable(name(), id, "SMSC receipt " + state + " (error " + receipt.getError() + ")");
                    }
                });
            } catch (InvalidDeliveryReceiptException e) {
                log.warn("Unreadable delivery receipt from the SMSC: {}", e.getMessage());
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // not used
        }

        @Override
        public DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not accepted", 0x00000003);
        }
    }
}
