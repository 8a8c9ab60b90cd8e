package io.huduma.notifications.notifying;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.huduma.notifications.contact.Agencies;
import io.huduma.notifications.contact.AgencyMailbox;
import io.huduma.notifications.contact.Contact;
import io.huduma.notifications.contact.Contacts;
import io.huduma.notifications.delivery.Channel;
import io.huduma.notifications.delivery.OutgoingMessage;
import io.huduma.notifications.delivery.QueueingMessages;
import io.huduma.notifications.template.MessageKinds;
import io.huduma.notifications.template.RenderedMessage;
import io.huduma.notifications.template.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns a notice into messages: finds the person's contact (identity) or the agency's mailbox (catalogue),
 * respects their choices (no SMS or email they did not agree to, except security messages), fills in the
 * templates in their language and queues one message per channel. Handling the same event again queues
 * nothing new.
 */
@Service
public class NotifyingPeople {

    private static final Logger log = LoggerFactory.getLogger(NotifyingPeople.class);

    /** Request statuses as a citizen reads them. */
    private static final Map<String, Text> STATUS_WORDS = Map.of(
            "SUBMITTED", new Text("IMEPOKELEWA", "RECEIVED"),
            "IN_REVIEW", new Text("INASHUGHULIKIWA", "IN REVIEW"),
            "NEEDS_INFO", new Text("INAHITAJI TAARIFA ZAIDI", "NEEDS MORE INFORMATION"),
            "APPROVED", new Text("IMEKUBALIWA", "APPROVED"),
            "REJECTED", new Text("IMEKATALIWA", "REJECTED"),
            "COMPLETED", new Text("IMEKAMILIKA", "COMPLETED"),
            "WITHDRAWN", new Text("IMEONDOLEWA", "WITHDRAWN"));

    private final Contacts contacts;
    private final Agencies agencies;
    private final Templates templates;
    private final QueueingMessages queue;

    NotifyingPeople(Contacts contacts, Agencies agencies, Templates templates, QueueingMessages queue) {
        this.contacts = contacts;
        this.agencies = agencies;
        this.templates = templates;
        this.queue = queue;
    }

    /** The wording of a request status in both languages. */
    public static Text status(String status) {
        return STATUS_WORDS.getOrDefault(status, Text.of(status.replace('_', ' ')));
    }

    /** Tells an account holder, looked up in identity. */
    public void notify(Notice notice) {
        Optional<Contact> found = contacts.find(notice.recipientSubject());
        if (found.isEmpty()) {
            log.info("No account {} to tell about event {} ({})", notice.recipientSubject(), notice.eventId(),
                    notice.kind());
            return;
        }
        notify(notice, found.get());
    }

    /** Tells a person whose contact the event itself carries (a new citizen). */
    public void notify(Notice notice, Contact contact) {
        Map<String, Text> values = new HashMap<>(notice.values());
        values.putIfAbsent("name", Text.of(contact.displayName()));
        if (!contact.phone().isBlank()) {
            if (contact.smsAllowed() || notice.security()) {
                send(notice, Channel.SMS, contact.phone(), contact.language(), values);
            } else {
                log.info("{} opted out of SMS; no {} SMS for event {}", contact.subject(), notice.kind(), notice.eventId());
            }
        }
        if (!contact.email().isBlank()) {
            if (contact.emailAllowed() || notice.security()) {
                send(notice, Channel.EMAIL, contact.email(), contact.language(), values);
            } else {
                log.info("{} opted out of email; no {} email for event {}", contact.subject(), notice.kind(),
                        notice.eventId());
            }
        }
    }

    /** Mails an agency's staff mailbox (catalogue), in Swahili with English as the fallback. */
    public void notifyAgency(Notice notice) {
        Optional<AgencyMailbox> agency = agencies.find(notice.agency());
        if (agency.isEmpty() || agency.get().email().isBlank()) {
            log.warn("Agency {} has no mailbox; no {} email for event {}", notice.agency(), notice.kind(),
                    notice.eventId());
            return;
        }
        Map<String, Text> values = new HashMap<>(notice.values());
        values.putIfAbsent("agencyName", new Text(agency.get().nameSw(), agency.get().nameEn()));
        send(notice, Channel.EMAIL, agency.get().email(), "sw", values);
    }

    private void send(Notice notice, Channel channel, String address, String language, Map<String, Text> values) {
        Optional<RenderedMessage> rendered = templates.render(notice.kind(), channel.name(), language,
                lang -> plain(values, lang));
        if (rendered.isEmpty()) {
            log.debug("No {} template for {}", channel, notice.kind());
            return;
        }
        RenderedMessage m = rendered.get();
        queue.queue(new OutgoingMessage(notice.eventId(), MessageKinds.base(notice.kind()), channel, address,
                notice.recipientSubject(), m.language(), m.subjectLine(), m.body(), m.html(), false,
                notice.agency(), OutgoingMessage.NORMAL));
    }

    private static Map<String, String> plain(Map<String, Text> values, String language) {
        Map<String, String> plain = new HashMap<>();
        values.forEach((key, value) -> plain.put(key, value.in(language)));
        return plain;
    }
}
