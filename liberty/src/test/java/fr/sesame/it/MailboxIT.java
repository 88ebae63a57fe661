package fr.sesame.it;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded mail server behaves as the README promises: it takes mail over SMTP and any login
 * reads the mailbox named by the address over IMAP, as a mail client would.
 */
class MailboxIT {

    @Test
    void aMailSentOverSmtpIsReadOverImapWithAnyPassword() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", ItSettings.HOST);
        properties.put("mail.smtp.port", String.valueOf(ItSettings.smtpPort()));
        Session session = Session.getInstance(properties);
        String subject = "Bienvenue sur votre messagerie – " + UUID.randomUUID();
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("ne-pas-repondre@ac-amiens.fr"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("lucie.bernard@example.org"));
        message.setSubject(subject, "UTF-8");
        message.setText("Bonjour Lucie, voici vos identifiants.", "UTF-8");
        Transport.send(message);

        Store store = session.getStore("imap");
        store.connect(ItSettings.HOST, ItSettings.imapPort(), "lucie.bernard@example.org", "n-importe-quel-mot-de-passe");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessages()).extracting(Message::getSubject).contains(subject);
            inbox.close(false);
        } finally {
            store.close();
        }
    }
}
