package fr.sesame.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/** Hands an e-mail to the SMTP server of the Liberty mail session {@code mail/sesame}. */
@ApplicationScoped
public class MailDelivery {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    @Resource(lookup = "mail/sesame")
    Session session;

    /** A message in plain text only: a SMS through the gateway. */
    public void send(String recipient, String subject, String body, String messageId) throws DeliveryException {
        send(recipient, subject, body, null, messageId);
    }

    /**
     * @param html      the HTML alternative of the body, or null: the message is then plain text only
     * @param messageId the left part of the message's own Message-ID (the sender's domain is its right
     *                  part), the same at every attempt: a copy sent again after a crash can be
     *                  recognised; null lets the session make one
     */
    public void send(String recipient, String subject, String body, String html, String messageId) throws DeliveryException {
        try {
            Transport.send(message(recipient, subject, body, html, messageId));
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

    /**
     * The message as it leaves: every header in ASCII (RFC 2047 words for the sender's name and the subject,
     * whatever the session's {@code mail.mime.charset} or {@code mail.mime.allowutf8}), the text first and
     * then the HTML in a {@code multipart/alternative}, both UTF-8.
     */
    MimeMessage message(String recipient, String subject, String body, String html, String messageId)
            throws MessagingException {
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
        InternetAddress from = sender();
        if (from == null) {
            message.setFrom(); // the session's own idea of the local address
        } else {
            message.setHeader("From", MimeUtility.fold("From: ".length(), from.toString()));
        }
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(recipient, true));
        message.setSubject(subject, UTF_8);
        if (html == null) {
            message.setText(body, UTF_8);
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, UTF_8);
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, UTF_8, "html");
            message.setContent(new MimeMultipart("alternative", text, rich));
        }
        message.setSentDate(Date.from(Instant.now()));
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    /**
     * The session's {@code mail.from} (the académie's no-reply address, "Sésame – Académie d’Amiens
     * &lt;ne-pas-repondre@…&gt;"), made again so that its name is written as an RFC 2047 word rather than
     * as raw 8-bit text; null when the session has none.
     */
    InternetAddress sender() throws AddressException {
        String configured = session.getProperty("mail.from");
        if (configured == null || configured.isBlank()) {
            return null;
        }
        InternetAddress parsed = new InternetAddress(configured.strip());
        try {
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is part of every Java", e);
        }
    }
}
