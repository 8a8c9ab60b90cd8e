package io.huduma.devstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-process SMTP server (GreenMail) that accepts every message and lets tests and people read it. */
final class MailServer implements AutoCloseable {

    /** One received mail as the inbox API shows it. */
    record Mail(String messageId, String from, List<String> to, List<String> cc, String subject,
                String body, String html, String language, List<String> attachments, Instant sentAt) {
    }

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static MailServer start(int port) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        smtp.setServerStartupTimeout(10_000);
        GreenMail greenMail = new GreenMail(smtp)
                // services may authenticate with any user name and password, as against a relay
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new MailServer(greenMail);
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every mail received since the last {@link #clear()}, oldest first, once per message (not per recipient). */
    List<Mail> messages() {
        Map<String, Mail> byId = new LinkedHashMap<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                Mail mail = toMail(message);
                byId.putIfAbsent(mail.messageId(), mail);
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Unreadable mail in the mailbox", e);
            }
        }
        return List.copyOf(byId.values());
    }

    void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static Mail toMail(MimeMessage message) throws MessagingException, IOException {
        Bodies bodies = new Bodies();
        bodies.collect(message);
        String id = message.getMessageID() != null ? message.getMessageID() : String.valueOf(System.identityHashCode(message));
        return new Mail(id,
                first(message.getFrom()),
                addresses(message.getRecipients(Message.RecipientType.TO)),
                addresses(message.getRecipients(Message.RecipientType.CC)),
                message.getSubject(),
                // an HTML-only mail still has a readable body
                bodies.text != null ? bodies.text : bodies.html,
                bodies.html,
                message.getHeader("Content-Language", ","),
                List.copyOf(bodies.attachments),
                message.getSentDate() != null ? message.getSentDate().toInstant() : null);
    }

    private static String first(Address[] addresses) {
        return addresses == null || addresses.length == 0 ? null : addresses[0].toString();
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    /** Walks a MIME tree for its first text/plain and text/html parts and the names of its attachments. */
    private static final class Bodies {
        String text;
        String html;
        final List<String> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                attachments.add(part.getFileName());
            } else if (part.isMimeType("text/plain") && text == null) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            }
        }
    }
}
