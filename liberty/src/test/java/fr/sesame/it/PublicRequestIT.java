package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public request form cannot be turned into a mail relay: it asks for the "je ne suis pas un
 * robot" check (a browser without JavaScript waits a few seconds instead), a contact address and a
 * client address get a few requests each, the acknowledgement carries no typed word, and a security
 * request goes to the RSSI at once. The other anonymous mail senders (forgotten password) have limits
 * too.
 */
@ExtendWith(Browser.class)
class PublicRequestIT {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    private static final Pattern REFERENCE = Pattern.compile("id=\"reference\">(SES-\\d{4}-\\d{6})<");

    private static String newClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "172.16." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static Map<String, String> fields(String contact, String category, String subject) {
        return PublicRequestForm.fields(contact, category, subject);
    }

    private static String referenceIn(HttpResponse<String> page) {
        assertThat(page.statusCode()).as("answer %d %s", page.statusCode(), page.headers().firstValue("Location").orElse(""))
                .isEqualTo(200);
        Matcher reference = REFERENCE.matcher(page.body());
        return reference.find() ? reference.group(1) : null;
    }

    private static void waitPastTheNoScriptDelay() {
        Mailboxes.sleep(2500); // SESAME_CHALLENGE_WAIT_SECONDS=2 on the test server
    }

    @Test
    void withoutJavaScriptTheFormIsAcceptedOnlyAfterTheWaitAndOnce() throws Exception {
        String contact = "nojs" + System.nanoTime() + "@perso.example.org";
        FacesForm form = FacesForm.open("/assistance", "assistance", newClient());
        String token = form.waitToken();
        assertThat(token).isNotBlank();

        HttpResponse<String> tooSoon = form.post(fields(contact, "PASSWORD", "Trop tôt"), token);
        assertThat(tooSoon.body()).contains("id=\"verification-robot-erreur\"").doesNotContain("id=\"demande-enregistree\"")
                .as("what was typed stays").contains("Trop tôt");
        assertThat(referenceIn(tooSoon)).isNull();

        waitPastTheNoScriptDelay();
        HttpResponse<String> accepted = form.post(fields(contact, "PASSWORD", "Après avoir patienté"), token);
        String reference = referenceIn(accepted);
        assertThat(reference).as(accepted.body()).matches("SES-\\d{4}-\\d{6}");

        FacesForm again = FacesForm.open("/assistance", "assistance", newClient());
        HttpResponse<String> replayed = again.post(fields(contact, "PASSWORD", "Rejoué"), token);
        assertThat(referenceIn(replayed)).as("the same proof twice").isNull();
        assertThat(replayed.body()).contains("id=\"verification-robot-erreur\"");

        HttpResponse<String> forged = again.post(fields(contact, "PASSWORD", "Falsifié"), token.substring(0, token.length() - 2) + "xx");
        assertThat(referenceIn(forged)).isNull();
    }

    @Test
    void theAcknowledgementSaysTheReferenceAndNothingTyped(Browser browser) {
        String contact = "ack" + System.nanoTime() + "@perso.example.org";
        browser.open("/assistance");
        browser.type("#assistance\\:nom", "Cliquez ici http://phishing.example/ <b>Ève</b>");
        new Select(browser.find("#assistance\\:etablissement")).selectByValue("0801234A");
        browser.type("#assistance\\:contact", contact);
        new Select(browser.find("#assistance\\:categorie")).selectByValue("DEVICE");
        browser.type("#assistance\\:objet", "Votre compte sera supprimé : http://phishing.example/");
        browser.type("#assistance\\:description", "Gagnez un téléphone sur http://phishing.example/");
        new Select(browser.find("#assistance\\:urgence")).selectByValue("2");
        new Select(browser.find("#assistance\\:impact")).selectByValue("2");
        browser.solveChallenge();
        browser.submit("#assistance\\:envoyer");
        String reference = browser.text("#reference");

        Mailboxes.Mail ack = Mailboxes.await(contact, subject -> subject.startsWith("[" + reference + "]"), MAIL_WAIT);
        assertThat(ack.subject() + "\n" + ack.text()).contains(reference, "03 22 82 38 00")
                .doesNotContain("phishing.example", "Ève", "supprimé", "Cliquez");
    }

    @Test
    void aContactAddressGetsAFewRequestsADayAndAClientAddressAFewAnHour() throws Exception {
        // Three to one contact address, each from its own client address; the fourth is refused, with why.
        String contact = "quota" + System.nanoTime() + "@perso.example.org";
        List<FacesForm> forms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            forms.add(FacesForm.open("/assistance", "assistance", newClient()));
        }
        waitPastTheNoScriptDelay();
        for (int i = 0; i < 3; i++) {
            assertThat(referenceIn(forms.get(i).post(fields(contact, "OTHER", "Demande " + i), forms.get(i).waitToken())))
                    .as("request " + i).isNotNull();
        }
        HttpResponse<String> fourth = forms.get(3).post(fields(contact, "OTHER", "Demande de trop"), forms.get(3).waitToken());
        assertThat(referenceIn(fourth)).isNull();
        assertThat(fourth.body()).contains("Plusieurs demandes ont déjà été envoyées aujourd’hui avec cette adresse de contact")
                .contains("Demande de trop");
        Mailboxes.sleep(2000);
        assertThat(Mailboxes.count(contact, subject -> subject.contains("est enregistrée"))).isLessThanOrEqualTo(3);

        // Five from one client address, each to its own contact; the sixth is refused, with why.
        String client = newClient();
        List<FacesForm> fromOnePlace = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fromOnePlace.add(FacesForm.open("/assistance", "assistance", client));
        }
        waitPastTheNoScriptDelay();
        for (int i = 0; i < 5; i++) {
            assertThat(referenceIn(fromOnePlace.get(i).post(fields("lieu" + i + "x" + System.nanoTime() + "@perso.example.org",
                    "OTHER", "Depuis l’école " + i), fromOnePlace.get(i).waitToken()))).as("request " + i).isNotNull();
        }
        HttpResponse<String> sixth = fromOnePlace.get(5).post(fields("sixieme" + System.nanoTime() + "@perso.example.org",
                "OTHER", "Une de trop"), fromOnePlace.get(5).waitToken());
        assertThat(referenceIn(sixth)).isNull();
        assertThat(sixth.body()).contains("Beaucoup de demandes sont parties de votre réseau en une heure");
    }

    @Test
    void aSecurityRequestFromThePublicFormGoesToTheRssiAtOnceNeverToTheReferent() throws Exception {
        String contact = "vol" + System.nanoTime() + "@perso.example.org";
        FacesForm form = FacesForm.open("/assistance", "assistance", newClient());
        waitPastTheNoScriptDelay();
        String reference = referenceIn(form.post(fields(contact, "SECURITY", "Quelqu’un utilise mon compte"), form.waitToken()));
        assertThat(reference).isNotNull();

        Mailboxes.Mail alert = Mailboxes.await("rssi@ac-amiens.fr",
                subject -> subject.startsWith("[" + reference + "] Signalement de sécurité"), MAIL_WAIT);
        assertThat(alert.text()).contains("identité non vérifiée", "Je ne peux plus ouvrir ma messagerie");
        Mailboxes.sleep(2000);
        assertThat(Mailboxes.count("marc.durand@ac-amiens.fr", subject -> subject.startsWith("[" + reference + "]")))
                .as("the school's référent").isZero();
        assertThat(ItDatabase.texts("select security_kind from ticket where reference = ?", reference)).containsExactly("IDENTITY_THEFT");
    }

    @Test
    void forgottenPasswordRequestsAreLimitedPerClientAddressAndPerAccount(Browser browser) {
        String identifiant = TestAgents.newIdentifiant("quota-");
        String numen = HrFile.newNumen();
        String recovery = identifiant + "@perso.example.org";
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(3)), recovery,
                "Gomme-Bleue-Du-Vendredi-4", numen));

        // Four requests for one account, from four places: three links leave, the page says the same each time.
        for (int i = 0; i < 4; i++) {
            browser.actAsNewClient();
            PasswordIT.requestReset(browser, identifiant, numen);
            assertThat(browser.text("#demande-envoyee")).isNotBlank();
        }
        Mailboxes.await(recovery, "Réinitialisation de votre mot de passe"::equals, MAIL_WAIT);
        Mailboxes.sleep(5000);
        assertThat(Mailboxes.count(recovery, "Réinitialisation de votre mot de passe"::equals)).isEqualTo(3);

        // Five requests from one place (whatever they name); the sixth is refused, saying so.
        browser.actAsNewClient();
        for (int i = 0; i < 5; i++) {
            PasswordIT.requestReset(browser, "inconnu" + i, HrFile.newNumen());
        }
        PasswordIT.requestReset(browser, "inconnu6", HrFile.newNumen());
        assertThat(browser.text("#messages")).contains("Trop de tentatives en peu de temps");
    }
}
