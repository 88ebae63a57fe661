package fr.sesame.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

/** The outgoing mail server as configured in the server's {@code mailSession}. */
@ApplicationScoped
public class MailServer {

    @Resource(lookup = "mail/sesame")
    Session session;

    /** Opens an SMTP conversation and closes it at once: the server answers and, if needed, accepts our login. */
    public void ping() throws MessagingException {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
        }
    }

    /** Host and port, for status pages. */
    public String endpoint() {
        return "smtp://" + session.getProperty("mail.smtp.host") + ":" + session.getProperty("mail.smtp.port");
    }
}
