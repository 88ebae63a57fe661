package fr.sesame.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class MailTemplatesTest {

    private final MailTemplates french = new MailTemplates("fr", "Académie d’Amiens", "Europe/Paris");

    @Test
    void theInvitationCarriesTheIdentifiantTheAddressAndTheLinkButNoNumen() {
        MailText mail = french.email("invitation", "Lucie", "lbernard", "lucie.bernard@ac-amiens.fr",
                "https://sesame.example/activation?jeton=abc", "28 décembre 2026 à 07:30");

        assertThat(mail.subject()).isEqualTo("Activez votre messagerie académique");
        assertThat(mail.body()).contains("Bonjour Lucie", "Identifiant : lbernard", "lucie.bernard@ac-amiens.fr",
                "https://sesame.example/activation?jeton=abc", "28 décembre 2026 à 07:30",
                "Sésame, le service de messagerie de l’Académie d’Amiens");
        assertThat(mail.body()).doesNotContain("{", "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"invitation", "code", "welcome", "identifiant", "password-changed", "password-reset",
            "password-expiry", "ticket-created", "ticket-new", "ticket-answered", "ticket-reply", "ticket-resolved",
            "ticket-escalated", "security-report", "ticket-created-public", "ticket-reply-public", "ticket-resolved-public"})
    void everyEmailRendersCompletelyInBothLanguages(String template) {
        // Numbers, so that choice formats ("{4,choice,…}") have what they expect.
        Object[] arguments = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        for (String language : new String[] {"fr", "en"}) {
            MailText mail = new MailTemplates(language, "Académie d’Amiens", "Europe/Paris").email(template, arguments);
            assertThat(mail.subject()).isNotBlank().doesNotContain("{");
            assertThat(mail.body()).isNotBlank().doesNotContain("{").doesNotContain("'");
        }
    }

    @Test
    void theSmsIsShort() {
        SmsText sms = french.sms("code", "123456", 10);

        assertThat(sms.kind()).isEqualTo("code");
        assertThat(sms.text()).contains("123456").hasSizeLessThanOrEqualTo(160);
    }

    /** The messages that carry a one-time code or a link with a token (the identifiant reminder: a name). */
    @ParameterizedTest
    @ValueSource(strings = {"invitation", "code", "identifiant", "password-reset"})
    void aMessageThatCarriesASecretHasAFixedSubjectAndSaysWhichItIs(String template) throws IOException {
        for (String language : new String[] {"fr", "en"}) {
            Properties bundle = new Properties();
            try (var in = MailTemplates.class.getClassLoader().getResourceAsStream(
                    MailTemplates.BUNDLE.replace('.', '/') + "_" + language + ".properties")) {
                bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(bundle.getProperty(template + ".subject")).as(language + " " + template).doesNotContain("{");
        }
        MailText mail = french.email(template, "Lucie", "123456", "lucie@example.org", "https://sesame.example/x?jeton=SECRET", "demain");
        assertThat(mail.kind()).isEqualTo(template);
        assertThat(mail.subject()).doesNotContain("123456", "SECRET");
    }

    /** Someone not logged in may give any address: what they typed is never written back to it. */
    @ParameterizedTest
    @ValueSource(strings = {"ticket-created-public", "ticket-resolved-public"})
    void aPublicRequestIsAcknowledgedWithItsReferenceAndFixedWordsOnly(String template) throws IOException {
        for (String language : new String[] {"fr", "en"}) {
            Properties bundle = new Properties();
            try (var in = MailTemplates.class.getClassLoader().getResourceAsStream(
                    MailTemplates.BUNDLE.replace('.', '/') + "_" + language + ".properties")) {
                bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            // Only the reference ({0}) and the hotline's phone ({1}), both Sésame's own.
            assertThat(bundle.getProperty(template + ".subject") + bundle.getProperty(template + ".body"))
                    .as(language).doesNotContain("{2}", "{3}", "{4}");
        }
    }

    @Test
    void datesAreWrittenForPeopleInTheAcademiesZone() {
        assertThat(french.dateTime(Instant.parse("2026-12-28T06:30:00Z"))).contains("28 décembre 2026").contains("07:30");
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(new TreeSet<>(keys("en"))).containsExactlyElementsOf(new TreeSet<>(keys("fr")));
    }

    private static java.util.Set<String> keys(String language) throws IOException {
        Properties properties = new Properties();
        try (var in = MailTemplatesTest.class.getResourceAsStream("/fr/sesame/mail/i18n/mails_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }
}
