package fr.sesame.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.time.Instant;
import java.util.Date;

/** Hands an e-mail to the SMTP server of the Liberty mail session {@code mail/sesame}. */
@ApplicationScoped
public class MailDelivery {

    @Resource(lookup = "mail/sesame")
    Session session;

    public void send(String recipient, String subject, String body) throws DeliveryException {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(); // the session's mail.from: the académie's no-reply address
            message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(recipient, true));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            message.setSentDate(Date.from(Instant.now()));
            message.setHeader("Auto-Submitted", "auto-generated");
            Transport.send(message);
        } catch (MessagingException e) {
            throw new DeliveryException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
