package fr.sesame.it;

import com.unboundid.ldap.sdk.Entry;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real mail as a mail client receives it over IMAP: a forgotten password's link, for an agent whose name
 * is markup. Text and HTML in one {@code multipart/alternative}, the sender's name and the subject as
 * RFC 2047 words that read back with their accents, the HTML's button opening the text's link, the name
 * shown as typed.
 */
@ExtendWith(Browser.class)
class HtmlMailIT {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    private static final String RESET_SUBJECT = "Réinitialisation de votre mot de passe";
    /** The sender as {@code sesame.smtp.from} names it. */
    private static final String SENDER = "Sésame – Académie d’Amiens";
    private static final String HOSTILE_NAME = "<b>Ève</b> Agent";
    private static final Pattern BUTTON = Pattern.compile(
            "<a href=\"([^\"]*)\" style=\"display:inline-block;[^\"]*\">([^<]*)</a>");

    @Test
    void aForgottenPasswordMailIsTextAndHtmlFromTheAcademieWithTheAgentsNameAsTyped(Browser browser) throws Exception {
        String identifiant = TestAgents.newIdentifiant("html-");
        String numen = HrFile.newNumen();
        String recovery = identifiant + "@perso.example.org";
        Entry entry = TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(20)), recovery,
                "Cahier-Rouge-Du-Lundi-7", numen);
        entry.setAttribute("givenName", "<b>Ève</b>");
        entry.setAttribute("cn", HOSTILE_NAME);
        entry.setAttribute("displayName", HOSTILE_NAME);
        TestAgents.addFromTests(entry);

        PasswordIT.requestReset(browser, identifiant, numen);
        String link = Mailboxes.await(recovery, RESET_SUBJECT::equals, MAIL_WAIT).find("(https://\\S+jeton=\\S+)");
        List<MimeMessage> received = Mailboxes.messages(recovery);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);

        // Headers: ASCII words that decode to the académie's name and the French subject.
        String from = MimeUtility.unfold(mail.getHeader("From")[0]);
        assertThat(from).startsWith("=?UTF-8?").endsWith(">");
        assertThat(from.chars()).allMatch(c -> c < 128);
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo(SENDER);
        assertThat(MimeUtility.unfold(mail.getHeader("Subject")[0])).startsWith("=?UTF-8?");
        assertThat(mail.getSubject()).isEqualTo(RESET_SUBJECT);

        // Both parts, the text first.
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(0).getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(parts.getBodyPart(1).getContentType()).containsIgnoringCase("charset=UTF-8");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();

        assertThat(text).contains("Bonjour " + HOSTILE_NAME + ",", link);
        assertThat(html).contains("<html lang=\"fr\">", "Académie d’Amiens", "Bonjour &lt;b&gt;Ève&lt;/b&gt; Agent,")
                .doesNotContain("<b>Ève", "<img");
        Matcher button = BUTTON.matcher(html);
        assertThat(button.find()).as("the button").isTrue();
        assertThat(unescaped(button.group(1))).isEqualTo(link);
        assertThat(button.group(2)).isEqualTo("Choisir mon nouveau mot de passe");

        // And it opens the page of the link.
        browser.driver().get(unescaped(button.group(1)));
        browser.waitFor("#nouveau\\:motDePasse");
    }

    /** An attribute as a browser reads it (Mustache escapes {@code &}, {@code =} and quotes). */
    private static String unescaped(String value) {
        return value.replace("&#61;", "=").replace("&quot;", "\"").replace("&#39;", "'").replace("&#96;", "`")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
