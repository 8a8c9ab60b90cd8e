package io.huduma.notifications.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.huduma.notifications.contact.RecipientsUnavailable;
import io.huduma.notifications.delivery.Channel;
import io.huduma.notifications.delivery.OutgoingMessage;
import io.huduma.notifications.delivery.QueueingMessages;
import io.huduma.notifications.inbound.InboundMessage.Outcome;
import io.huduma.notifications.notifying.NotifyingPeople;
import io.huduma.notifications.notifying.Text;
import io.huduma.notifications.sms.IncomingSms;
import io.huduma.notifications.sms.MobileOriginatedSms;
import io.huduma.notifications.template.MessageKinds;
import io.huduma.notifications.template.RenderedMessage;
import io.huduma.notifications.template.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Service;

/**
 * Answering what handsets write to the platform ({@code HALI HD-7K3P-9QX2}, {@code STATUS ...},
 * {@code MSAADA}, {@code HELP}, anything else): each message is recorded once (a redelivery of it is
 * recognised and gets nothing), the number's reply allowance is checked, then the answer is looked up and
 * queued like every other notification, in the keyword's language. A request is described only to the
 * phone it was made from; anyone else is told it was not found.
 */
@Service
class AnsweringTextMessages implements IncomingSms {

    /** Deliveries of answers are caused by {@code sms-in:<message id>} (one answer per message). */
    static final String CAUSE_PREFIX = "sms-in:";
    private static final Logger log = LoggerFactory.getLogger(AnsweringTextMessages.class);
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final InboundSmsRepository repository;
    private final TrackedRequests requests;
    private final Templates templates;
    private final QueueingMessages queue;
    private final ReplyLimits limits;
    private final InboundSmsProperties properties;
    /** Answers are looked up off the SMPP session's threads, which must acknowledge the next message. */
    private final ExecutorService workers;

    AnsweringTextMessages(InboundSmsRepository repository, TrackedRequests requests, Templates templates,
                          QueueingMessages queue, ReplyLimits limits, InboundSmsProperties properties) {
        this.repository = repository;
        this.requests = requests;
        this.templates = templates;
        this.queue = queue;
        this.limits = limits;
        this.properties = properties;
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(properties.workers(), r -> {
            Thread thread = new Thread(r, "inbound-sms-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    @Override
    public void received(MobileOriginatedSms sms) {
        String sender = e164(sms.source());
        SmsCommand command = SmsCommand.parse(sms.text());
        Optional<InboundMessage> recorded = repository.recordIfNew(dedupeKey(sender, sms), sender,
                sms.destination() == null ? "" : sms.destination(), command, properties.duplicateWindow());
        if (recorded.isEmpty()) {
            log.info("A message from {} was delivered again; it was answered once", masked(sender));
            return;
        }
        UUID id = recorded.get().id();
        if (!limits.tryTake(sender)) {
            repository.finish(id, Outcome.RATE_LIMITED, null);
            log.info("{} wrote more than {} messages per {}; message {} not answered", masked(sender),
                    properties.repliesPerNumber(), properties.period(), id);
            return;
        }
        workers.execute(() -> answer(id));
    }

    /** Answers a recorded message unless another instance holds it or it was answered. */
    void answer(UUID id) {
        Optional<InboundMessage> claimed;
        try {
            claimed = repository.claim(id, LEASE);
        } catch (RuntimeException e) {
            log.warn("Message {} not answered now (the sweep takes it again): {}", id, e.toString());
            return;
        }
        if (claimed.isEmpty()) {
            return;
        }
        InboundMessage message = claimed.get();
        try {
            Reply reply = reply(message);
            RenderedMessage rendered = templates.render(reply.kind(), Channel.SMS.name(),
                            message.command().language().tag(), lang -> plain(reply.values(), lang))
                    .orElseThrow(() -> new IllegalStateException("no SMS template " + reply.kind()));
            UUID delivery = queue.queue(new OutgoingMessage(CAUSE_PREFIX + message.id(), reply.kind(), Channel.SMS,
                    message.sender(), null, rendered.language(), null, rendered.body(), null, false, reply.agency(),
                    OutgoingMessage.REPLY)).orElse(null);
            repository.finish(message.id(), reply.outcome(), delivery);
            log.info("Message {} ({} {}) answered: {}", message.id(), message.command().keyword(),
                    message.command().language().tag(), reply.outcome());
        } catch (RecipientsUnavailable e) {
            if (message.attempts() >= properties.maxAttempts()) {
                repository.finish(message.id(), Outcome.FAILED, null);
                log.warn("Message {} given up after {} attempts: {}", message.id(), message.attempts(), e.getMessage());
            } else {
                repository.release(message.id());
                log.info("Message {} waits for requests-service ({}); taken again by the sweep", message.id(),
                        e.getMessage());
            }
        }
    }

    /** What to answer and how to record it. */
    private record Reply(String kind, Map<String, Text> values, Outcome outcome, String agency) {
    }

    private Reply reply(InboundMessage message) {
        SmsCommand command = message.command();
        if (!command.asksForStatus()) {
            return new Reply(MessageKinds.SMS_HELP, Map.of(), Outcome.HELP, null);
        }
        Optional<TrackedRequest> found = requests.find(command.trackingNumber(), message.sender());
        if (found.isEmpty()) {
            return new Reply(MessageKinds.SMS_STATUS_NOT_FOUND,
                    Map.of("trackingNumber", Text.of(command.trackingNumber())), Outcome.NOT_FOUND, null);
        }
        TrackedRequest request = found.get();
        return new Reply(MessageKinds.SMS_STATUS, Map.of(
                "trackingNumber", Text.of(request.trackingNumber()),
                "serviceName", new Text(request.serviceNameSw(), request.serviceNameEn()),
                "status", NotifyingPeople.status(request.status()),
                "dueDate", Text.of(request.dueDate())), Outcome.ANSWERED, request.agencyCode());
    }

    private static Map<String, String> plain(Map<String, Text> values, String language) {
        Map<String, String> plain = new java.util.HashMap<>();
        values.forEach((key, value) -> plain.put(key, value.in(language)));
        return plain;
    }

    /**
     * The sender in E.164: SMSCs give {@code +255712345678}, {@code 255712345678} or {@code 0712345678};
     * read as Tanzanian unless it says otherwise. What cannot be read is kept as given.
     */
    static String e164(String source) {
        String given = source == null ? "" : source.strip();
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        try {
            return phones.format(phones.parse(given, "TZ"), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return given;
        }
    }

    /**
     * The same for every delivery of one message: sender, short code, the SMSC's reference and the text.
     * A hash, so that the text itself is never stored.
     */
    static String dedupeKey(String sender, MobileOriginatedSms sms) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String material = sender + '\n' + sms.destination() + '\n' + sms.reference() + '\n' + sms.text();
            return HexFormat.of().formatHex(sha.digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Enough of a number to tell messages apart in a log, not enough to reach anyone. */
    static String masked(String phone) {
        int keep = Math.min(3, phone.length() / 4);
        return "*".repeat(phone.length() - keep) + phone.substring(phone.length() - keep);
    }
}
