package io.huduma.notifications.otp;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.huduma.notifications.delivery.Channel;
import io.huduma.notifications.delivery.OutgoingMessage;
import io.huduma.notifications.delivery.QueueingMessages;
import io.huduma.notifications.template.MessageKinds;
import io.huduma.notifications.template.RenderedMessage;
import io.huduma.notifications.template.Templates;
import io.huduma.platform.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sending a one-time code: the text is filled in twice, once with the code (it leaves with the message)
 * and once with the code masked (the only text kept, for the history). The code is never stored nor
 * logged, never opted out of, and goes ahead of everything queued.
 */
@Service
class SendingCodes {

    static final String MASK = "******";
    private static final Logger log = LoggerFactory.getLogger(SendingCodes.class);
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{4,12}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** What to send: {@code destination} is a phone number (E.164) or, by email, an address. */
    record CodeRequest(String destination, String code, String purpose, String language, int validMinutes,
                       boolean byEmail) {
    }

    private final Templates templates;
    private final QueueingMessages queue;

    SendingCodes(Templates templates, QueueingMessages queue) {
        this.templates = templates;
        this.queue = queue;
    }

    /** Sends the code now and returns the delivery id. */
    UUID send(CodeRequest request) {
        if (request.code() == null || !CODE.matcher(request.code()).matches()) {
            throw DomainException.invalid("/code", "must be 4 to 12 letters or digits");
        }
        boolean validDestination = request.byEmail() ? EMAIL.matcher(request.destination()).matches()
                : PHONE.matcher(request.destination()).matches();
        if (!validDestination) {
            throw DomainException.invalid("/destination", request.byEmail() ? "must be an email address"
                    : "must be an E.164 phone number such as +255712345678");
        }
        int minutes = request.validMinutes() > 0 ? request.validMinutes() : 10;
        Channel channel = request.byEmail() ? Channel.EMAIL : Channel.SMS;
        String purpose = request.purpose() == null || request.purpose().isBlank() ? "sign-up" : request.purpose();
        RenderedMessage real = render(channel, request.language(), request.code(), minutes, purpose);
        RenderedMessage masked = render(channel, request.language(), MASK, minutes, purpose);
        OutgoingMessage recorded = new OutgoingMessage(UUID.randomUUID().toString(), MessageKinds.OTP, channel,
                request.destination(), null, masked.language(), masked.subjectLine(), masked.body(), masked.html(),
                true, null, OutgoingMessage.URGENT);
        UUID id = queue.sendNow(recorded, real.body(), real.html());
        log.info("One-time code for {} sent to {} (delivery {})", purpose, masked(request.destination()), id);
        return id;
    }

    /** Enough of an address to tell deliveries apart in a log, not enough to reach anyone. */
    static String masked(String destination) {
        int keep = Math.min(3, destination.length() / 4);
        return "*".repeat(destination.length() - keep) + destination.substring(destination.length() - keep);
    }

    private RenderedMessage render(Channel channel, String language, String code, int minutes, String purpose) {
        return templates.render(MessageKinds.OTP, channel.name(), language, lang -> Map.of("code", code,
                        "validMinutes", Integer.toString(minutes), "purpose", purpose))
                .orElseThrow(() -> new IllegalStateException("no " + channel + " template for codes"));
    }
}
