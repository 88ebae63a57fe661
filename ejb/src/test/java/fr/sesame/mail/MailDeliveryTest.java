package fr.sesame.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message as it leaves, headers byte for byte: the académie's name in the sender as an RFC 2047 word
 * (it left as raw 8-bit text), the text and its HTML as {@code multipart/alternative}; and once through a
 * real SMTP server (GreenMail).
 */
class MailDeliveryTest {

    private static final String HOST = "127.0.0.1";
    /** As {@code sesame.smtp.from} writes it by default. */
    private static final String FROM = "Sésame – Académie d’Amiens <ne-pas-repondre@ac-amiens.fr>";
    private static final String NAME = "Sésame – Académie d’Amiens";
    private static final String SUBJECT = "Réinitialisation de votre mot de passe";
    private static final String TEXT = "Bonjour Ève,\n\nOuvrez ce lien : https://sesame.example/x?jeton=abc\n\n—\nSésame";
    private static final String HTML = "<!DOCTYPE html><html lang=\"fr\"><body><p>Bonjour Ève,</p></body></html>";
    private static GreenMail mail;

    @BeforeAll
    static void start() {
        mail = new GreenMail(new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    @AfterAll
    static void stop() {
        mail.stop();
    }

    private static MailDelivery delivery(Properties extra) {
        Properties properties = new Properties();
        properties.put("mail.from", FROM);
        properties.put("mail.smtp.host", HOST);
        properties.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        properties.putAll(extra);
        MailDelivery delivery = new MailDelivery();
        delivery.session = Session.getInstance(properties);
        return delivery;
    }

    private static MailDelivery delivery() {
        return delivery(new Properties());
    }

    private static byte[] raw(MimeMessage message) throws Exception {
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** The header block as it is written, folded lines joined again. */
    private static String headers(byte[] raw) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        return MimeUtility.unfold(all.substring(0, all.indexOf("\r\n\r\n")));
    }

    private static String header(String headers, String name) {
        return Arrays.stream(headers.split("\r\n")).filter(line -> line.startsWith(name + ": ")).findFirst()
                .map(line -> line.substring(name.length() + 2)).orElseThrow(() -> new AssertionError("No " + name + " in " + headers));
    }

    @Test
    void theSendersNameAndTheSubjectLeaveAsRfc2047WordsAndReadBackWithTheirAccents() throws Exception {
        byte[] raw = raw(delivery().message("lucie@example.org", SUBJECT, TEXT, HTML, "sesame.outbox.1.2"));
        String headers = headers(raw);

        assertThat(headers.chars()).as("every header in ASCII").allMatch(c -> c < 128);
        String from = header(headers, "From");
        assertThat(from).startsWith("=?UTF-8?").endsWith("?= <ne-pas-repondre@ac-amiens.fr>");
        assertThat(new InternetAddress(from).getPersonal()).isEqualTo(NAME);
        assertThat(MimeUtility.decodeText(from)).isEqualTo(NAME + " <ne-pas-repondre@ac-amiens.fr>");
        assertThat(header(headers, "Subject")).startsWith("=?UTF-8?");
        assertThat(MimeUtility.decodeText(header(headers, "Subject"))).isEqualTo(SUBJECT);
        assertThat(header(headers, "Message-ID")).isEqualTo("<sesame.outbox.1.2@ac-amiens.fr>");

        MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        assertThat(((InternetAddress) read.getFrom()[0]).getPersonal()).isEqualTo(NAME);
        assertThat(((InternetAddress) read.getFrom()[0]).getAddress()).isEqualTo("ne-pas-repondre@ac-amiens.fr");
        assertThat(read.getSubject()).isEqualTo(SUBJECT);
    }

    @Test
    void whateverTheSessionSaysOfCharsetsTheHeadersStayUtf8Words() throws Exception {
        Properties latin = new Properties();
        latin.put("mail.mime.charset", "ISO-8859-1");
        latin.put("mail.mime.allowutf8", "true");
        String headers = headers(raw(delivery(latin).message("lucie@example.org", SUBJECT, TEXT, HTML, null)));

        assertThat(headers.chars()).allMatch(c -> c < 128);
        assertThat(header(headers, "From")).startsWith("=?UTF-8?");
        assertThat(header(headers, "Subject")).startsWith("=?UTF-8?");
    }

    @Test
    void aMessageWithItsHtmlIsTheTextThenTheHtmlBothInUtf8() throws Exception {
        MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(
                raw(delivery().message("lucie@example.org", SUBJECT, TEXT, HTML, null))));

        assertThat(read.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) read.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertPart(parts.getBodyPart(0), "text/plain", TEXT);
        assertPart(parts.getBodyPart(1), "text/html", HTML);
    }

    @Test
    void aMessageWithoutHtmlLeavesAsPlainTextAsBefore() throws Exception {
        MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(
                raw(delivery().message("33612345678@sms.sesame.test", "SMS", "Sésame : votre code est 123456.", null, null))));

        assertPart(read, "text/plain", "Sésame : votre code est 123456.");
    }

    @Test
    void throughARealSmtpServerTheMessageArrivesAsItWasBuilt() throws Exception {
        delivery().send("eve.martin@example.org", SUBJECT, TEXT, HTML, "sesame.outbox.7.8");

        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = mail.getReceivedMessages()[0];
        String headers = headers(raw(new MimeMessage(received) {
            @Override
            protected void updateMessageID() {
                // keep the one it arrived with
            }
        }));
        assertThat(header(headers, "From")).startsWith("=?UTF-8?");
        assertThat(header(headers, "Message-ID")).isEqualTo("<sesame.outbox.7.8@ac-amiens.fr>");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo(NAME);
        assertThat(received.getSubject()).isEqualTo(SUBJECT);
        Multipart parts = (Multipart) received.getContent();
        assertPart(parts.getBodyPart(0), "text/plain", TEXT);
        assertPart(parts.getBodyPart(1), "text/html", HTML);
    }

    private static void assertPart(Part part, String type, String content) throws Exception {
        assertThat(part.isMimeType(type)).as(part.getContentType()).isTrue();
        assertThat(part.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(((String) part.getContent()).replace("\r\n", "\n")).isEqualTo(content);
    }
}
