package io.huduma.identity.account;

import java.util.List;

import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.identity.v1.CitizenRegistered;
import io.huduma.contracts.identity.v1.ContactChanged;
import io.huduma.contracts.identity.v1.StaffAccountCreated;
import io.huduma.platform.events.OutboxWriter;
import org.springframework.stereotype.Component;

/** Turns account facts into the {@code huduma.identity.v1} messages on {@code huduma.identity.accounts.v1}, keyed by subject. */
@Component
class OutboxAccountEvents implements AccountEvents {

    private final OutboxWriter outbox;

    OutboxAccountEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void citizenRegistered(Contact contact) {
        outbox.append(Topics.IDENTITY_ACCOUNTS, contact.subject(), "", CitizenRegistered.newBuilder()
                .setSubject(contact.subject())
                .setDisplayName(contact.displayName())
                .setPhone(orEmpty(contact.phone()))
                .setEmail(orEmpty(contact.email()))
                .setLanguage(language(contact.language()))
                .build());
    }

    @Override
    public void citizenRegisteredWithoutPassword(Contact contact) {
        outbox.append(Topics.IDENTITY_ACCOUNTS, contact.subject(), "", CitizenRegistered.newBuilder()
                .setSubject(contact.subject())
                .setDisplayName(contact.displayName())
                .setPhone(orEmpty(contact.phone()))
                .setEmail(orEmpty(contact.email()))
                .setLanguage(language(contact.language()))
                .setWithoutPassword(true)
                .setChannel(io.huduma.contracts.common.v1.Channel.CHANNEL_USSD)
                .build());
    }

    @Override
    public void contactChanged(Contact contact) {
        outbox.append(Topics.IDENTITY_ACCOUNTS, contact.subject(), "", ContactChanged.newBuilder()
                .setSubject(contact.subject())
                .setPhone(orEmpty(contact.phone()))
                .setEmail(orEmpty(contact.email()))
                .setLanguage(language(contact.language()))
                .setSmsAllowed(contact.smsAllowed())
                .setEmailAllowed(contact.emailAllowed())
                .build());
    }

    @Override
    public void staffAccountCreated(String subject, String agency, List<String> roles, String email) {
        outbox.append(Topics.IDENTITY_ACCOUNTS, subject, agency, StaffAccountCreated.newBuilder()
                .setSubject(subject)
                .setAgencyCode(agency)
                .addAllRoles(roles)
                .setEmail(orEmpty(email))
                .build());
    }

    static Language language(String code) {
        return "en".equals(code) ? Language.LANGUAGE_EN : Language.LANGUAGE_SW;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
