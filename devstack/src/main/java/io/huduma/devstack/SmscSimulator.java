package io.huduma.devstack;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.jsmpp.util.RandomMessageIDGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMPP 3.4 SMSC simulator on jsmpp: accepts any bind (transmitter, receiver, transceiver), takes
 * {@code submit_sm} and {@code data_sm}, keeps each message (long messages split with a UDH or SAR
 * parameters are joined again), and answers with a delivery receipt ({@code deliver_sm}) when the
 * message's {@code registered_delivery} asks for one. It also plays a handset writing to a short code:
 * {@link #deliverInbound} hands a mobile-originated message ({@code deliver_sm}) to a bound receiver.
 */
final class SmscSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmscSimulator.class);

    /** One message as a handset would receive it. */
    record Sms(String messageId, String systemId, String source, String destination, String text,
               int dataCoding, boolean receiptRequested, int parts, Instant receivedAt) {
    }

    /**
     * A mobile-originated message handed to a bound receiver: what was sent, to which bind, and what each
     * attempt got back ({@code ACKNOWLEDGED}, {@code REFUSED 0x...}, {@code TIMEOUT}, {@code FAILED ...}).
     * {@code reference} is the {@code user_message_reference} every attempt carries.
     */
    record Inbound(String messageId, int reference, String source, String destination, String text,
                   int dataCoding, String systemId, List<String> attempts, Instant sentAt) {
    }

    /** No session that can take a {@code deliver_sm} (receiver or transceiver) is bound. */
    static final class NoReceiver extends Exception {

        private static final long serialVersionUID = 1L;

        NoReceiver(String message) {
            super(message);
        }
    }

    /** One segment of a long message, until all have arrived. */
    private record Segment(String messageId, int number, String text) {
    }

    private final SMPPServerSessionListener listener;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "smsc");
        thread.setDaemon(true);
        return thread;
    });
    private final RandomMessageIDGenerator ids = new RandomMessageIDGenerator();
    private final List<Sms> messages = new CopyOnWriteArrayList<>();
    private final Map<String, Map<Integer, Segment>> incomplete = new ConcurrentHashMap<>();
    private final Map<String, Sms> awaitingReceipt = new ConcurrentHashMap<>();
    private final Map<Session, String> sessions = new ConcurrentHashMap<>();
    /** Bound sessions in the order they bound (the newest receiver takes mobile-originated messages). */
    private final List<SMPPServerSession> bindOrder = new CopyOnWriteArrayList<>();
    private final List<Inbound> inbound = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextReference = new AtomicInteger();
    private final AtomicInteger rejectNext = new AtomicInteger();
    private volatile boolean running = true;

    private SmscSimulator(SMPPServerSessionListener listener) {
        this.listener = listener;
    }

    static SmscSimulator start(int port) throws IOException {
        SMPPServerSessionListener listener = new SMPPServerSessionListener(port);
        SmscSimulator smsc = new SmscSimulator(listener);
        listener.setMessageReceiverListener(smsc.new Receiver());
        listener.setResponseDeliveryListener(smsc.new Receipts());
        smsc.executor.execute(smsc::acceptLoop);
        return smsc;
    }

    int port() {
        return listener.getPort();
    }

    /** Messages received since the last {@link #clear()}, oldest first. */
    List<Sms> messages() {
        return List.copyOf(messages);
    }

    void clear() {
        messages.clear();
        incomplete.clear();
        inbound.clear();
    }

    /** Mobile-originated messages handed to receivers since the last {@link #clear()}, oldest first. */
    List<Inbound> inbound() {
        return List.copyOf(inbound);
    }

    /**
     * A handset {@code source} writes {@code text} to {@code destination} (a short code): the message goes
     * as a {@code deliver_sm} to the most recently bound session that can receive (receiver or transceiver),
     * or, with a {@code systemId}, to the newest such session of that system. {@code times} greater than 1
     * sends the very same PDU again after each response, as an SMSC does when it did not see the
     * {@code deliver_sm_resp} in time; every attempt carries the same {@code user_message_reference}.
     * GSM 03.38 when the text fits that alphabet, else UCS-2; longer than one SMS: in {@code message_payload}.
     *
     * @throws NoReceiver when no such session is bound
     */
    Inbound deliverInbound(String source, String destination, String text, String systemId, int times)
            throws NoReceiver {
        SMPPServerSession target = null;
        for (SMPPServerSession session : bindOrder) {
            String bound = sessions.get(session);
            if (session.getSessionState().isReceivable() && bound != null
                    && (systemId == null || systemId.isBlank() || systemId.equals(bound))) {
                target = session;
            }
        }
        if (target == null) {
            throw new NoReceiver("no receiver or transceiver" + (systemId == null || systemId.isBlank() ? ""
                    : " of system id '" + systemId + "'") + " is bound to the SMSC");
        }
        byte[] gsm = SmsText.encodeGsm(text);
        byte dataCoding = gsm != null ? (byte) 0x00 : (byte) 0x08;
        byte[] body = gsm != null ? gsm : text.getBytes(StandardCharsets.UTF_16BE);
        boolean payload = gsm != null ? body.length > 160 : body.length > 140;
        int reference = nextReference.updateAndGet(n -> (n + 1) & 0xFFFF);
        List<OptionalParameter> parameters = new ArrayList<>();
        parameters.add(new OptionalParameter.Short(OptionalParameter.Tag.USER_MESSAGE_REFERENCE, (short) reference));
        if (payload) {
            parameters.add(new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), body));
        }
        List<String> attempts = new ArrayList<>();
        for (int i = 0; i < Math.max(1, times); i++) {
            attempts.add(deliver(target, source, destination, dataCoding, payload ? new byte[0] : body,
                    parameters.toArray(OptionalParameter[]::new)));
        }
        Inbound sent = new Inbound(ids.newMessageId().getValue(), reference, source, destination, text,
                dataCoding & 0xFF, sessions.getOrDefault(target, ""), List.copyOf(attempts), Instant.now());
        inbound.add(sent);
        log.info("SMSC delivered a mobile-originated message {} from {} to {} ({}): {}", sent.messageId(), source,
                sent.systemId(), destination, attempts);
        return sent;
    }

    private static String deliver(SMPPServerSession session, String source, String destination, byte dataCoding,
                                  byte[] body, OptionalParameter[] parameters) {
        try {
            session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, source,
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, destination, new ESMClass(), (byte) 0,
                    (byte) 0, new RegisteredDelivery(0), DataCodings.newInstance(dataCoding), body, parameters);
            return "ACKNOWLEDGED";
        } catch (NegativeResponseException e) {
            return String.format("REFUSED 0x%08X", e.getCommandStatus());
        } catch (ResponseTimeoutException e) {
            return "TIMEOUT";
        } catch (PDUException | InvalidResponseException | IOException e) {
            return "FAILED " + e.getMessage();
        }
    }

    /** The next {@code count} submissions are refused with {@code ESME_RSYSERR}, to test retries. */
    void rejectNext(int count) {
        rejectNext.set(count);
    }

    @Override
    public void close() throws IOException {
        running = false;
        for (Session session : sessions.keySet()) {
            session.unbindAndClose();
        }
        listener.close();
        executor.shutdownNow();
    }

    private void acceptLoop() {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                executor.execute(() -> bind(session));
            } catch (SocketException e) {
                if (running) {
                    log.warn("SMSC listener failed", e);
                }
                return;
            } catch (IOException e) {
                if (running) {
                    log.warn("SMSC could not accept a connection", e);
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(10_000);
            String systemId = request.getSystemId() == null ? "" : request.getSystemId();
            // registered before the bind_resp goes out: a client may submit as soon as it has it
            sessions.put(session, systemId);
            bindOrder.add(session);
            session.addSessionStateListener((newState, oldState, source) -> {
                if (!newState.isNotClosed()) {
                    sessions.remove(source);
                    bindOrder.remove(source);
                }
            });
            request.accept(systemId.isEmpty() ? "huduma-smsc" : systemId, InterfaceVersion.IF_34);
            log.info("SMSC bound {} as {}", request.getSystemId(), request.getBindType());
        } catch (TimeoutException e) {
            log.info("A connection to the SMSC closed without a bind (a port check?)");
            session.close();
        } catch (Exception e) {
            log.warn("SMPP bind failed", e);
            sessions.remove(session);
            bindOrder.remove(session);
            session.close();
        }
    }

    private String accept(String systemId, String source, String destination, byte esmClass, byte dataCoding,
                          byte registeredDelivery, byte[] shortMessage, OptionalParameter[] parameters,
                          boolean canReceipt)
            throws ProcessRequestException {
        if (rejectNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ProcessRequestException("simulated SMSC failure", SMPPConstant.STAT_ESME_RSYSERR);
        }
        String messageId = ids.newMessageId().getValue();
        byte[] body = shortMessage;
        if (body == null || body.length == 0) {
            byte[] payload = octets(parameters, OptionalParameter.Tag.MESSAGE_PAYLOAD);
            body = payload != null ? payload : new byte[0];
        }
        int reference = -1;
        int total = 1;
        int number = 1;
        if ((esmClass & 0x40) != 0 && body.length > 0) {
            // UDHI: the message starts with a user data header; IE 0x00/0x08 carries concatenation
            int headerLength = body[0] & 0xFF;
            int i = 1;
            while (i + 1 < 1 + headerLength) {
                int ie = body[i] & 0xFF;
                int ieLength = body[i + 1] & 0xFF;
                if (ie == 0x00 && ieLength == 3) {
                    reference = body[i + 2] & 0xFF;
                    total = body[i + 3] & 0xFF;
                    number = body[i + 4] & 0xFF;
                } else if (ie == 0x08 && ieLength == 4) {
                    reference = ((body[i + 2] & 0xFF) << 8) | (body[i + 3] & 0xFF);
                    total = body[i + 4] & 0xFF;
                    number = body[i + 5] & 0xFF;
                }
                i += 2 + ieLength;
            }
            body = Arrays.copyOfRange(body, Math.min(body.length, 1 + headerLength), body.length);
        } else if (number(parameters, OptionalParameter.Tag.SAR_MSG_REF_NUM) >= 0) {
            reference = number(parameters, OptionalParameter.Tag.SAR_MSG_REF_NUM);
            total = Math.max(1, number(parameters, OptionalParameter.Tag.SAR_TOTAL_SEGMENTS));
            number = Math.max(1, number(parameters, OptionalParameter.Tag.SAR_SEGMENT_SEQNUM));
        }
        String text = SmsText.decode(body, dataCoding);
        boolean receipt = canReceipt && (registeredDelivery & 0x03) == 0x01;
        if (total <= 1) {
            record(new Sms(messageId, systemId, source, destination, text, dataCoding & 0xFF, receipt, 1, Instant.now()));
        } else {
            String key = source + '|' + destination + '|' + reference;
            Map<Integer, Segment> segments = incomplete.computeIfAbsent(key, k -> new TreeMap<>());
            synchronized (segments) {
                segments.put(number, new Segment(messageId, number, text));
                if (segments.size() == total) {
                    incomplete.remove(key);
                    StringBuilder whole = new StringBuilder();
                    segments.values().forEach(s -> whole.append(s.text()));
                    record(new Sms(messageId, systemId, source, destination, whole.toString(),
                            dataCoding & 0xFF, receipt, total, Instant.now()));
                }
            }
        }
        if (receipt) {
            awaitingReceipt.put(messageId, new Sms(messageId, systemId, source, destination, text,
                    dataCoding & 0xFF, true, 1, Instant.now()));
        }
        return messageId;
    }

    private void record(Sms sms) {
        messages.add(sms);
        log.info("SMSC received {} for {} ({} part(s))", sms.messageId(), sms.destination(), sms.parts());
    }

    private void sendReceipt(String messageId, SMPPServerSession session) {
        Sms sms = awaitingReceipt.remove(messageId);
        if (sms == null) {
            return;
        }
        executor.execute(() -> {
            Date now = new Date();
            String excerpt = sms.text().length() > 20 ? sms.text().substring(0, 20) : sms.text();
            DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, 1, Date.from(sms.receivedAt()), now,
                    DeliveryReceiptState.DELIVRD, "000", excerpt);
            try {
                session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                        sms.destination(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, sms.source(),
                        new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                        (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                        receipt.toString().getBytes(StandardCharsets.US_ASCII),
                        new OptionalParameter.Receipted_message_id(messageId),
                        new OptionalParameter.Message_state(
                                OptionalParameter.Message_state.Message_state_enum.DELIVERED.byteValue()));
            } catch (PDUException | ResponseTimeoutException | InvalidResponseException | NegativeResponseException
                     | IOException e) {
                // a transmitter-only bind cannot take deliver_sm: the receipt is dropped, as a real SMSC would
                log.info("Delivery receipt for {} not delivered: {}", messageId, e.toString());
            }
        });
    }

    private static byte[] octets(OptionalParameter[] parameters, OptionalParameter.Tag tag) {
        OptionalParameter p = find(parameters, tag);
        return p instanceof OptionalParameter.OctetString octets ? octets.getValue() : null;
    }

    private static int number(OptionalParameter[] parameters, OptionalParameter.Tag tag) {
        OptionalParameter p = find(parameters, tag);
        if (p instanceof OptionalParameter.Short s) {
            return s.getValue() & 0xFFFF;
        }
        if (p instanceof OptionalParameter.Byte b) {
            return b.getValue() & 0xFF;
        }
        return -1;
    }

    private static OptionalParameter find(OptionalParameter[] parameters, OptionalParameter.Tag tag) {
        if (parameters == null) {
            return null;
        }
        for (OptionalParameter p : parameters) {
            if (p != null && p.tag == tag.code()) {
                return p;
            }
        }
        return null;
    }

    private String systemId(Session session) {
        return sessions.get(session);
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
            String id = accept(systemId(session), submit.getSourceAddr(), submit.getDestAddress(), submit.getEsmClass(),
                    submit.getDataCoding(), submit.getRegisteredDelivery(), submit.getShortMessage(),
                    submit.getOptionalParameters(), true);
            return new SubmitSmResult(messageId(id), new OptionalParameter[0]);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm data, Session session) throws ProcessRequestException {
            String id = accept(systemId(session), data.getSourceAddr(), data.getDestAddress(), data.getEsmClass(),
                    data.getDataCoding(), data.getRegisteredDelivery(), null, data.getOptionalParameters(), false);
            return new DataSmResult(messageId(id), new OptionalParameter[0]);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession session)
                throws ProcessRequestException {
            throw new ProcessRequestException("submit_multi is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession session) throws ProcessRequestException {
            throw new ProcessRequestException("query_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession session) throws ProcessRequestException {
            throw new ProcessRequestException("replace_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession session) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession session)
                throws ProcessRequestException {
            throw new ProcessRequestException("broadcast_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession session)
                throws ProcessRequestException {
            throw new ProcessRequestException("cancel_broadcast_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                               SMPPServerSession session) throws ProcessRequestException {
            throw new ProcessRequestException("query_broadcast_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        private MessageId messageId(String id) throws ProcessRequestException {
            try {
                return new MessageId(id);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException("bad message id", SMPPConstant.STAT_ESME_RSYSERR, e);
            }
        }
    }

    /** Delivery receipts go out only after the submit_sm_resp, so the client knows the message id first. */
    private final class Receipts implements ServerResponseDeliveryListener {

        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
            sendReceipt(result.getMessageId(), session);
        }

        @Override
        public void onSubmitSmRespError(SubmitSmResult result, Exception e, SMPPServerSession session) {
            awaitingReceipt.remove(result.getMessageId());
        }

        @Override
        public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession session) {
            // submit_multi is refused
        }

        @Override
        public void onSubmitMultiRespError(SubmitMultiResult result, Exception e, SMPPServerSession session) {
            // submit_multi is refused
        }
    }
}
