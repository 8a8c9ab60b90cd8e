package io.huduma.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.common.v1.LocalizedText;
import io.huduma.contracts.identity.v1.CitizenRegistered;
import io.huduma.contracts.requests.v1.RequestSlaBreached;
import io.huduma.testkit.Inbox;
import org.junit.jupiter.api.Test;

/** Mails through the real SMTP server: text and HTML parts, in the reader's language. */
class EmailIT extends NotificationsIT {

    @Test
    void aNewCitizenGetsAWelcomeSmsAndAWelcomeMailWithTextAndHtmlParts() {
        String subject = UUID.randomUUID().toString();
        String phone = aPhone();
        String email = "amina-" + subject.substring(0, 8) + "@example.tz";

        EventEnvelope event = Events.publish(Topics.IDENTITY_ACCOUNTS, "identity", subject, null,
                CitizenRegistered.newBuilder().setSubject(subject).setDisplayName("Amina Juma").setPhone(phone)
                        .setEmail(email).setLanguage(Language.LANGUAGE_SW).build());

        Inbox.Mail mail = Inbox.awaitMailTo(email);
        assertThat(mail.subject()).isEqualTo("Karibu Huduma");
        assertThat(mail.body()).startsWith("Habari Amina Juma,").contains("Karibu Huduma.").doesNotContain("<p>");
        assertThat(mail.html()).contains("<p>Habari Amina Juma,</p>").contains("<strong>Huduma</strong>");
        assertThat(mail.language()).isEqualTo("sw");
        assertThat(Inbox.awaitSmsTo(phone).text()).startsWith("Karibu Huduma, Amina Juma!");
        awaitDelivery(event.getId(), "EMAIL", "DELIVERED");
        assertThat(deliveriesOf(event.getId())).hasSize(2);
    }

    @Test
    void aCitizenRegisteredFromABasicPhoneIsToldHowToSetAPasswordForTheWeb() {
        String subject = UUID.randomUUID().toString();
        String phone = aPhone();

        Events.publish(Topics.IDENTITY_ACCOUNTS, "identity", subject, null,
                CitizenRegistered.newBuilder().setSubject(subject).setDisplayName("Juma Mussa").setPhone(phone)
                        .setLanguage(Language.LANGUAGE_SW).setWithoutPassword(true).build());

        assertThat(Inbox.awaitSmsTo(phone).text()).startsWith("Karibu Huduma, Juma Mussa! Umesajiliwa kwa simu hii.")
                .contains("Umesahau nenosiri?");
    }

    @Test
    void htmlPartsEscapeWhatCitizensAndOfficersTyped() {
        String email = "juma-" + UUID.randomUUID().toString().substring(0, 8) + "@example.tz";
        String citizen = aCitizen("en", "", email);
        String tracking = aTrackingNumber();

        statusChanged(citizen, tracking, "IN_REVIEW", "NEEDS_INFO", "Upload <b>both</b> pages & sign");

        Inbox.Mail mail = Inbox.awaitMailTo(email);
        assertThat(mail.subject()).isEqualTo("Application " + tracking + ": NEEDS MORE INFORMATION");
        assertThat(mail.body()).contains("Message from the officer: Upload <b>both</b> pages & sign");
        assertThat(mail.html()).contains("Upload &lt;b&gt;both&lt;/b&gt; pages &amp; sign");
    }

    @Test
    void aBreachedSlaIsMailedToTheAgencysMailbox() {
        String code = "ag" + UUID.randomUUID().toString().substring(0, 6);
        String mailbox = "huduma@" + code + ".go.tz";
        CATALOG.add(code, "Wakala wa Majaribio", "Trial Agency", mailbox);
        String tracking = aTrackingNumber();
        String requestId = UUID.randomUUID().toString();

        Events.publish(Topics.REQUESTS, REQUESTS_SERVICE, requestId, code, RequestSlaBreached.newBuilder()
                .setRequestId(requestId).setTrackingNumber(tracking).setAgencyCode(code)
                .setServiceName(LocalizedText.newBuilder().setSw("Leseni ya biashara").setEn("Business licence"))
                .setStatus("IN_REVIEW").setDueDate("2026-11-30").build());

        Inbox.Mail mail = Inbox.awaitMailTo(mailbox);
        assertThat(mail.subject()).isEqualTo("Muda wa huduma umepita: " + tracking);
        assertThat(mail.body()).isEqualTo("Ombi " + tracking + " la Leseni ya biashara katika Wakala wa Majaribio "
                + "limepita muda wake wa huduma (2026-11-30). Tafadhali lishughulikie.");
        assertThat(mail.html()).contains("<strong>" + tracking + "</strong>");
    }
}
