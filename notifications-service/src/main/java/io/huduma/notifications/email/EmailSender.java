package io.huduma.notifications.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Email over SMTP (Spring Mail): a multipart/alternative message with a text and an HTML part. */
@Component
public class EmailSender {

    private final JavaMailSender mail;
    private final String from;

    EmailSender(JavaMailSender mail, @Value("${huduma.notifications.email.from:Huduma <no-reply@huduma.go.tz>}") String from) {
        this.mail = mail;
        this.from = from;
    }

    /**
     * Hands one mail to the relay and returns its Message-ID.
     *
     * @throws EmailNotSent when the relay is unreachable or refuses it
     */
    public String send(String to, String language, String subject, String text, String html) throws EmailNotSent {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, html != null, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            if (html != null) {
                helper.setText(text, html);
            } else {
                helper.setText(text, false);
            }
            message.setHeader("Content-Language", language);
            mail.send(message);
            return message.getMessageID();
        } catch (MessagingException | MailException e) {
            throw new EmailNotSent("SMTP relay did not take the mail: " + e.getMessage(), e);
        }
    }

    /** The relay did not take a mail; a later attempt may. */
    public static class EmailNotSent extends Exception {

        private static final long serialVersionUID = 1L;

        EmailNotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
