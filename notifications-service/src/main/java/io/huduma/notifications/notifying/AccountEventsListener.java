package io.huduma.notifications.notifying;

import java.util.Map;

import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.identity.v1.CitizenRegistered;
import io.huduma.notifications.contact.Contact;
import io.huduma.notifications.template.MessageKinds;
import io.huduma.platform.events.EventEnvelopes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** identity's facts: a welcome SMS (and email when there is an address) to a citizen who signed up. */
@Component
class AccountEventsListener {

    private final NotifyingPeople notifying;

    AccountEventsListener(NotifyingPeople notifying) {
        this.notifying = notifying;
    }

    @KafkaListener(id = "notifications-accounts", idIsGroup = false, topics = Topics.IDENTITY_ACCOUNTS)
    void on(ConsumerRecord<String, EventEnvelope> record) {
        EventEnvelope event = record.value();
        if (EventEnvelopes.is(event, CitizenRegistered.class)) {
            CitizenRegistered p = EventEnvelopes.unpack(event, CitizenRegistered.class);
            // the new citizen's contact travels with the event; they agreed to messages by signing up
            Contact contact = new Contact(p.getSubject(), p.getDisplayName(), p.getPhone(), p.getEmail(),
                    p.getLanguage() == Language.LANGUAGE_EN ? "en" : "sw", true, true);
            // registered from a basic phone: no password yet, so the welcome says how to set one for the web
            String kind = p.getWithoutPassword() ? MessageKinds.CITIZEN_REGISTERED + ".WITHOUT_PASSWORD"
                    : MessageKinds.CITIZEN_REGISTERED;
            notifying.notify(new Notice(event.getId(), kind, p.getSubject(), null,
                    Map.of("name", Text.of(p.getDisplayName())), false), contact);
        }
    }
}
