package fr.sesame.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Both parts of every e-mail: the plain text as it always was, the HTML drawn from the one layout. */
class MailLayoutTest {

    private static final String SITE = "https://sesame.example";
    private static final String ACADEMIE = "Académie d’Amiens";
    private static final MailTemplates FRENCH = new MailTemplates("fr", ACADEMIE, "Europe/Paris", SITE);
    private static final MailTemplates ENGLISH = new MailTemplates("en", ACADEMIE, "Europe/Paris", SITE);
    private static final String RESET_LINK = SITE + "/mot-de-passe-oublie?jeton=abc-DEF_123";

    /** The button: the link drawn as the layout's blue box, with what it says. */
    private static final Pattern BUTTON = Pattern.compile(
            "<a href=\"([^\"]*)\" style=\"display:inline-block;[^\"]*\">([^<]*)</a>");

    private static MailText reset(MailTemplates templates, String name) {
        return templates.email("password-reset", name, "lucie.bernard@ac-amiens.fr", RESET_LINK, 60);
    }

    @Test
    void theTextPartIsWhatItAlwaysWasTheBodyABlankLineAndTheSignature() throws IOException {
        Properties bundle = bundle("fr");
        Locale french = Locale.forLanguageTag("fr");
        String expected = new MessageFormat(bundle.getProperty("password-reset.body"), french)
                .format(new Object[] {"Lucie", "lucie.bernard@ac-amiens.fr", RESET_LINK, 60})
                + "\n\n" + new MessageFormat(bundle.getProperty("signature"), french).format(new Object[] {ACADEMIE});

        MailText mail = reset(FRENCH, "Lucie");

        assertThat(mail.body()).isEqualTo(expected);
        assertThat(mail.html()).isNotBlank();
    }

    @Test
    void theHtmlShowsTheAcademieTheParagraphsTheButtonAndTheSignature() {
        String html = reset(FRENCH, "Lucie").html();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"fr\">", "<title>Réinitialisation de votre mot de passe</title>");
        assertThat(html.indexOf(ACADEMIE)).as("the académie at the top").isLessThan(html.indexOf("Bonjour Lucie,"));
        assertThat(html).contains("<p style=\"margin:0 0 16px;\">Bonjour Lucie,</p>",
                "Ouvrez ce lien pour le faire :</p>",
                "Ce lien est valable 60 minutes et ne sert qu’une fois. Ne le transmettez à personne.<br>Si vous",
                "Sésame, le service de messagerie de l’Académie d’Amiens<br>Ce message est envoyé automatiquement");
        assertThat(html).as("the text's separator is a rule here").doesNotContain(">—<", "—<br>");
        Matcher button = BUTTON.matcher(html);
        assertThat(button.find()).isTrue();
        assertThat(unescaped(button.group(1))).isEqualTo(RESET_LINK);
        assertThat(button.group(2)).isEqualTo("Choisir mon nouveau mot de passe");
        assertThat(button.find()).as("one button").isFalse();
        assertThat(html).as("the address under the button, for clients that draw none")
                .contains("copiez cette adresse dans votre navigateur :<br><a href=\"" + escaped(RESET_LINK) + "\"");
    }

    @Test
    void anAgentsNameIsShownAsTypedMarkupIncluded() {
        MailText mail = reset(FRENCH, "<b>Ève</b> & \"Zoé\" 'Ô'");

        assertThat(mail.body()).contains("Bonjour <b>Ève</b> & \"Zoé\" 'Ô',");
        assertThat(mail.html()).contains("Bonjour &lt;b&gt;Ève&lt;/b&gt; &amp; &quot;Zoé&quot; &#39;Ô&#39;,")
                .doesNotContain("<b>", "</b>");
    }

    @Test
    void whatSomebodyWroteInARequestStaysTextAndItsLinksNeverBecomeTheButton() {
        MailText mail = FRENCH.email("ticket-reply", "Lucie", "SES-2026-000123", "Messagerie <i>bloquée</i>",
                "Marc <script>alert(1)</script>", "Voyez https://piege.example/connexion.\n\n<img src=\"https://piege.example/x.png\">",
                SITE + "/compte/demande?ref=SES-2026-000123");

        assertThat(mail.html()).doesNotContain("<script", "<img", "<i>")
                .contains("Marc &lt;script&gt;alert(1)&lt;/script&gt; a répondu", "&lt;img src&#61;&quot;")
                .contains("Voyez <a href=\"https://piege.example/connexion\" style=\"word-break:break-all;\">https://piege.example/connexion</a>.");
        Matcher button = BUTTON.matcher(mail.html());
        assertThat(button.find()).isTrue();
        assertThat(unescaped(button.group(1))).isEqualTo(SITE + "/compte/demande?ref=SES-2026-000123");
        assertThat(button.group(2)).isEqualTo("Répondre ou suivre ma demande");
    }

    @Test
    void aMailAboutARequestShowsItsReference() {
        String html = FRENCH.email("ticket-created", "Lucie", "SES-2026-000123", "Messagerie bloquée",
                SITE + "/compte/demande?ref=SES-2026-000123").html();

        assertThat(html).contains("font-weight:bold;\">Référence : SES-2026-000123</p>");
        assertThat(reset(FRENCH, "Lucie").html()).doesNotContain("Référence");
        assertThat(ENGLISH.email("ticket-resolved-public", "SES-2026-000124", "03 22 82 38 00").html())
                .contains(">Reference: SES-2026-000124</p>");
    }

    @Test
    void aMailWithoutLinkHasNoButton() {
        MailText code = FRENCH.email("code", "123456", 10);

        assertThat(BUTTON.matcher(code.html()).find()).isFalse();
        assertThat(code.html()).contains("Voici votre code d’activation : 123456");
    }

    @Test
    void aLinkInsideASentenceCutsItAroundTheButtonAndALaterLinkStaysALink() {
        String html = FRENCH.email("second-factor-enabled", "Lucie", "3 décembre 2026 à 09:00", SITE + "/compte/securite",
                "03 22 82 38 00", "assistance@ac-amiens.fr").html();

        assertThat(html).contains("Ce n’est pas vous ? Signalez-le tout de suite :</p>",
                ">Signaler un problème</a>", "<p style=\"margin:0 0 16px;\">ou appelez la hotline académique (03 22 82 38 00, assistance@ac-amiens.fr).</p>");
        String twoLinks = FRENCH.email("ticket-resolved", "Lucie", "SES-2026-000123", "Objet", 7,
                SITE + "/compte/demande?ref=SES-2026-000123").html();
        assertThat(twoLinks).contains("Vous pouvez la rouvrir pendant 7 jours :</p>");
    }

    @Test
    void anAddressOutsideSesameIsNeverTheButton() {
        MailText mail = FRENCH.email("password-reset", "Lucie", "lucie@ac-amiens.fr", "https://ailleurs.example/x", 60);

        assertThat(BUTTON.matcher(mail.html()).find()).isFalse();
        assertThat(mail.html()).contains("<a href=\"https://ailleurs.example/x\" style=\"word-break:break-all;\">https://ailleurs.example/x</a>");
        assertThat(MailParagraphs.opensSesame("https://sesame.example.evil/x", SITE)).isFalse();
        assertThat(MailParagraphs.opensSesame("http://sesame.example/x", SITE)).as("https only").isFalse();
        assertThat(MailParagraphs.opensSesame("https://SESAME.example/compte", SITE + "/")).isTrue();
    }

    @Test
    void indentedLinesStayIndented() {
        String html = FRENCH.email("invitation", "Lucie", "lbernard", "lucie.bernard@ac-amiens.fr",
                SITE + "/activation?jeton=abc", "28 décembre 2026 à 07:30").html();

        assertThat(html).contains("<p style=\"margin:0 0 16px;\">&#160;&#160;&#160;&#160;Identifiant : lbernard<br>"
                + "&#160;&#160;&#160;&#160;Adresse académique : lucie.bernard@ac-amiens.fr</p>");
    }

    @Test
    void nothingIsFetchedFromElsewhereAndItReadsOnASmallScreenInLightOrDark() {
        for (MailTemplates templates : List.of(FRENCH, ENGLISH)) {
            String html = reset(templates, "Lucie").html();
            assertThat(html).doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<style")
                    .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                    .doesNotContainIgnoringCase("src=").doesNotContainIgnoringCase("url(")
                    .doesNotContain("http://");
            assertThat(html).contains("<meta name=\"color-scheme\" content=\"light dark\">",
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                    "width:100%;max-width:600px;");
            assertThat(html).as("no fixed width wider than the smallest screen").doesNotContainPattern("width=\"[0-9]{3,}\"")
                    .doesNotContainPattern("[^-]width:\\s*[0-9]{3,}px");
        }
        assertThat(reset(ENGLISH, "Lucie").html()).contains("<html lang=\"en\">", ">Choose my new password</a>",
                "If the button does not open, copy this address into your browser:");
    }

    /** Every e-mail of the bundle, in both languages: nothing missing, every argument shown, its link a button. */
    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void everyKindOfTheBundleRendersBothParts(String language) throws IOException {
        Properties bundle = bundle(language);
        TreeSet<String> kinds = new TreeSet<>();
        bundle.stringPropertyNames().stream().filter(key -> key.endsWith(".subject"))
                .map(key -> key.substring(0, key.length() - ".subject".length()))
                .filter(kind -> bundle.containsKey(kind + ".body")).forEach(kinds::add);
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(22).contains("invitation", "ticket-reply", "departure-notice");

        MailTemplates templates = new MailTemplates(language, ACADEMIE, "Europe/Paris", SITE);
        for (String kind : kinds) {
            Object[] arguments = argumentsFor(bundle.getProperty(kind + ".body"), bundle.getProperty(kind + ".subject"));
            MailText mail = templates.email(kind, arguments);

            assertThat(mail.kind()).isEqualTo(kind);
            assertThat(mail.body()).as(kind).doesNotContain("{", "}");
            assertThat(mail.html()).as(kind).contains("<html lang=\"" + language + "\">", ACADEMIE)
                    .doesNotContain("{", "}").doesNotContainIgnoringCase("<img");
            Matcher button = BUTTON.matcher(mail.html());
            if (bundle.containsKey(kind + ".button")) {
                assertThat(button.find()).as(kind + " has its button").isTrue();
                assertThat(button.group(2)).isEqualTo(bundle.getProperty(kind + ".button"));
                Matcher firstLink = Pattern.compile(Pattern.quote(SITE) + "/argument-\\d+").matcher(mail.body());
                assertThat(firstLink.find()).isTrue();
                assertThat(unescaped(button.group(1))).as(kind + ": the first link of the text").isEqualTo(firstLink.group());
            }
            if (bundle.containsKey(kind + ".reference")) {
                assertThat(mail.html()).as(kind).containsPattern(">(Référence : |Reference: )" + Pattern.quote(SITE) + "/argument-\\d+</p>");
            }
        }
        assertThat(kinds.stream().filter(kind -> bundle.containsKey(kind + ".button")).count())
                .as("the mails that carry a link to Sésame say what it opens").isGreaterThanOrEqualTo(17);
    }

    /** A distinct link to Sésame for each argument, a number where the text chooses by number. */
    private static Object[] argumentsFor(String... patterns) {
        List<Object> arguments = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            arguments.add(SITE + "/argument-" + i);
        }
        for (String pattern : patterns) {
            Format[] formats = new MessageFormat(pattern).getFormatsByArgumentIndex();
            for (int i = 0; i < formats.length; i++) {
                if (formats[i] instanceof ChoiceFormat) {
                    arguments.set(i, 1);
                }
            }
        }
        return arguments.toArray();
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (var in = MailLayoutTest.class.getResourceAsStream("/fr/sesame/mail/i18n/mails_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static String escaped(String value) {
        return value.replace("&", "&amp;").replace("=", "&#61;");
    }

    /** An attribute as a browser reads it. */
    static String unescaped(String value) {
        return value.replace("&#61;", "=").replace("&quot;", "\"").replace("&#39;", "'").replace("&#96;", "`")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
