package fr.sesame.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
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

    /**
     * @param messageId the left part of the message's own Message-ID (the sender's domain is its right
     *                  part), the same at every attempt: a copy sent again after a crash can be
     *                  recognised; null lets the session make one
     */
    public void send(String recipient, String subject, String body, String messageId) throws DeliveryException {
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    if (messageId == null) {
                        super.updateMessageID();
                    } else {
                        String from = ((InternetAddress) getFrom()[0]).getAddress();
                        setHeader("Message-ID", "<" + messageId + from.substring(from.lastIndexOf('@')) + ">");
                    }
                }
            };
            message.setFrom(); // the session's mail.from: the académie's no-reply address
            message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(recipient, true));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            message.setSentDate(Date.from(Instant.now()));
            message.setHeader("Auto-Submitted", "auto-generated");
            Transport.send(message);
        } catch (AddressException e) {
            throw new DeliveryException(e.getClass().getSimpleName() + ": " + e.getMessage(), e, true);
        } catch (SendFailedException e) {
            // The server refused every recipient for good (5xx): no later attempt would do better. A
            // refusal for now (4xx) leaves them among the valid unsent addresses.
            boolean refusedForGood = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0
                    && (e.getValidUnsentAddresses() == null || e.getValidUnsentAddresses().length == 0);
            throw new DeliveryException(e.getClass().getSimpleName() + ": " + e.getMessage(), e, refusedForGood);
        } catch (MessagingException e) {
            throw new DeliveryException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
