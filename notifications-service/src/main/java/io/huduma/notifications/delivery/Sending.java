package io.huduma.notifications.delivery;

import io.huduma.notifications.email.EmailSender;
import io.huduma.notifications.sms.SentSms;
import io.huduma.notifications.sms.SmsNotSent;
import io.huduma.notifications.sms.SmsRouting;
import org.springframework.stereotype.Component;

/** Hands one message to its channel: SMS through the provider router, email to the SMTP relay. */
@Component
class Sending {

    /** Who took the message; {@code delivered} when taking it is the end of the road (the mail relay). */
    record Sent(String provider, String providerMessageId, boolean delivered) {
    }

    /** No provider took the message this time. */
    static final class NotSent extends Exception {

        private static final long serialVersionUID = 1L;

        NotSent(String message) {
            super(message, null, false, false);
        }
    }

    private final SmsRouting sms;
    private final EmailSender email;

    Sending(SmsRouting sms, EmailSender email) {
        this.sms = sms;
        this.email = email;
    }

    Sent send(Channel channel, String recipient, String language, String subjectLine, String text, String html)
            throws NotSent {
        try {
            if (channel == Channel.SMS) {
                SentSms sent = sms.send(recipient, text);
                return new Sent(sent.provider(), sent.providerMessageId(), false);
            }
            return new Sent("smtp", email.send(recipient, language, subjectLine, text, html), true);
        } catch (SmsNotSent | EmailSender.EmailNotSent e) {
            throw new NotSent(e.getMessage());
        }
    }
}
