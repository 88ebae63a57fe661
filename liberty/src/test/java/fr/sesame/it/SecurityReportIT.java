package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** A lost phone reported by the agent, handled by the RSSI: forced reset, lock, then unlock once it is safe. */
@ExtendWith(Browser.class)
class SecurityReportIT {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(45);
    private static final String PASSWORD = "Cahier-Rouge-Du-Lundi-7";

    @Test
    void aLostPhoneGoesToTheRssiWhoForcesAResetAndLocksTheAccount(Browser browser) throws Exception {
        String identifiant = TestAgents.newIdentifiant("perdu-");
        String recovery = identifiant + "@perso.example.org";
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(3)), recovery, PASSWORD,
                HrFile.newNumen()));

        browser.logIn(identifiant, PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/compte/securite");
        browser.find("label[for='signalement:nature:0']").click();
        browser.type("#signalement\\:description", "Téléphone oublié dans le train ce matin.");
        browser.submit("#signalement\\:envoyer");
        browser.waitFor("#lien-envoye");
        String reference = browser.text("#signalement-enregistre").replaceAll("(?s).*(SES-\\d{4}-\\d{6}).*", "$1");
        assertThat(reference).matches("SES-\\d{4}-\\d{6}");
        Mailboxes.await(recovery, "Réinitialisation de votre mot de passe"::equals, MAIL_WAIT);
        Mailboxes.Mail alert = Mailboxes.await("rssi@ac-amiens.fr",
                subject -> subject.startsWith("[" + reference + "] Signalement de sécurité"), MAIL_WAIT);
        assertThat(alert.text()).contains(identifiant, "train", "Mot de passe : lien de réinitialisation envoyé à l’agent");
        // The agent's session stays open elsewhere (the thief's phone, say) while the RSSI acts.
        String thiefsSession = browser.cookieHeader();
        browser.driver().manage().deleteAllCookies();

        // The school's référent never sees a security report.
        browser.logIn("referent1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/support/demande?ref=" + reference);
        browser.waitFor("#demande-introuvable");
        browser.submit("#deconnexion\\:logout");

        // The RSSI finds it in the security queue, imposes a new password, then locks the account.
        browser.logIn("rssi1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/support/demandes");
        browser.waitFor("a[href$='ref=" + reference + "']");
        browser.open("/support/demande?ref=" + reference);
        assertThat(browser.text("#priorite")).isEqualTo("5 / 5");
        browser.submit("#securite\\:reinitialiser");
        assertThat(browser.text("#messages")).contains("Le mot de passe actuel ne fonctionne plus");
        // The imposed password ends the agent's open session at once.
        assertThat(Https.send(java.net.http.HttpRequest.newBuilder(ItSettings.url("/compte")).header("Cookie", thiefsSession).build())
                .headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/connexion?refus=session-terminee"));
        browser.submit("#securite\\:verrouiller");
        assertThat(browser.text("#messages")).contains("Le compte est verrouillé");
        browser.submit("#deconnexion\\:logout");

        // The old password is useless, and while the account is locked no reset link opens it again.
        browser.logIn(identifiant, PASSWORD);
        assertThat(browser.text("#messages")).contains("Identifiant ou mot de passe incorrect");
        Instant end = Instant.now().plus(MAIL_WAIT);
        while (Mailboxes.count(recovery, "Réinitialisation de votre mot de passe"::equals) < 2 && Instant.now().isBefore(end)) {
            Mailboxes.sleep(300);
        }
        String forcedLink = Mailboxes.await(recovery, "Réinitialisation de votre mot de passe"::equals, MAIL_WAIT)
                .find("(https://\\S+jeton=\\S+)");
        browser.driver().get(forcedLink);
        browser.waitFor("#lien-account_locked");

        // Once the phone is found, the RSSI unlocks the account from the ticket; the link sent then works.
        browser.logIn("rssi1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/support/demande?ref=" + reference);
        assertThat(browser.findAll("#securite\\:verrouiller")).isEmpty();
        browser.submit("#securite\\:deverrouiller");
        assertThat(browser.text("#messages")).contains("Le compte est déverrouillé");
        assertThat(browser.text("#fil")).contains("Compte déverrouillé");
        assertThat(browser.findAll("#securite\\:deverrouiller")).isEmpty();
        browser.submit("#deconnexion\\:logout");
        browser.driver().get(forcedLink);
        browser.waitFor("#nouveau\\:motDePasse");
        browser.type("#nouveau\\:motDePasse", "Valise-Retrouvee-En-Gare-9");
        browser.type("#nouveau\\:confirmation", "Valise-Retrouvee-En-Gare-9");
        browser.submit("#nouveau\\:enregistrer");
        browser.waitFor("#mot-de-passe-reinitialise");
        browser.logIn(identifiant, "Valise-Retrouvee-En-Gare-9");
        browser.waitForPath("/compte");
    }

    @Test
    void onlyTheRssiUnlocksAndOnlyALockedAccount(Browser browser) {
        String identifiant = TestAgents.newIdentifiant("vol-");
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(3)),
                identifiant + "@perso.example.org", PASSWORD, HrFile.newNumen()));
        browser.logIn(identifiant, PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/compte/securite");
        browser.find("label[for='signalement:nature:1']").click();
        browser.type("#signalement\\:description", "Quelqu’un a lu mes courriels.");
        browser.submit("#signalement\\:envoyer");
        String reference = browser.text("#signalement-enregistre").replaceAll("(?s).*(SES-\\d{4}-\\d{6}).*", "$1");
        browser.submit("#deconnexion\\:logout");

        // The hotline sees security reports but has no lock or unlock button.
        browser.logIn("hotline1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/support/demande?ref=" + reference);
        browser.waitFor("#demande-resume");
        assertThat(browser.findAll("#securite\\:verrouiller")).isEmpty();
        assertThat(browser.findAll("#securite\\:deverrouiller")).isEmpty();
        browser.submit("#deconnexion\\:logout");

        // The RSSI: the account is not locked, so only "lock" is offered.
        browser.logIn("rssi1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/support/demande?ref=" + reference);
        browser.waitFor("#securite\\:verrouiller");
        assertThat(browser.findAll("#securite\\:deverrouiller")).isEmpty();
        browser.assertNoTechnicalDetail();
    }

    @Test
    void aPhishingMessageIsReportedWithItsSenderAndNoResetLink(Browser browser) {
        String identifiant = TestAgents.newIdentifiant("hame-");
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(3)),
                identifiant + "@perso.example.org", PASSWORD, HrFile.newNumen()));
        browser.logIn(identifiant, PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/compte/securite");
        browser.find("label[for='signalement:nature:2']").click();
        browser.type("#signalement\\:expediteur", "support@ac-arniens.fr");
        browser.type("#signalement\\:objet", "Votre boîte est pleine");
        browser.type("#signalement\\:description", "Il me demandait mon mot de passe.");
        browser.submit("#signalement\\:envoyer");
        browser.waitFor("#signalement-enregistre");
        assertThat(browser.findAll("#lien-envoye")).isEmpty();
        String reference = browser.text("#signalement-enregistre").replaceAll("(?s).*(SES-\\d{4}-\\d{6}).*", "$1");
        Mailboxes.Mail alert = Mailboxes.await("rssi@ac-amiens.fr",
                subject -> subject.startsWith("[" + reference + "]"), MAIL_WAIT);
        assertThat(alert.text()).contains("support@ac-arniens.fr", "Votre boîte est pleine", "Mot de passe : inchangé, pas de lien envoyé");
    }

    @Test
    void aLostPhoneIsCutOffInOneStepByANewPasswordChosenInTheForm(Browser browser) throws Exception {
        String identifiant = TestAgents.newIdentifiant("coupe-");
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(3)),
                identifiant + "@perso.example.org", PASSWORD, HrFile.newNumen()));
        browser.logIn(identifiant, PASSWORD);
        browser.waitForPath("/compte");
        // Another session of the agent: the one the phone keeps.
        String phonesSession = browser.cookieHeader();
        browser.driver().manage().deleteAllCookies();
        browser.logIn(identifiant, PASSWORD);
        browser.waitForPath("/compte");

        browser.open("/compte/securite");
        browser.find("label[for='signalement:nature:0']").click();
        browser.type("#signalement\\:description", "Téléphone volé à la sortie du collège.");
        // A password the policy refuses: nothing is sent, what was written stays, the field says why.
        browser.type("#signalement\\:motDePasse", "court");
        browser.type("#signalement\\:confirmation", "court");
        browser.submit("#signalement\\:envoyer");
        browser.waitFor("#signalement\\:motDePasse-erreur");
        assertThat(browser.text("#signalement\\:motDePasse-erreur")).contains("Au moins 12 caractères");
        assertThat(browser.find("#signalement\\:description").getAttribute("value")).contains("sortie du collège");
        assertThat(browser.findAll("#signalement-enregistre")).isEmpty();
        assertThat(TestAgents.binds(identifiant, PASSWORD)).isTrue();

        browser.type("#signalement\\:motDePasse", "Tableau-Vert-Du-Mardi-8");
        browser.type("#signalement\\:confirmation", "Tableau-Vert-Du-Mardi-8");
        browser.submit("#signalement\\:envoyer");
        browser.waitFor("#mot-de-passe-change");
        String reference = browser.text("#signalement-enregistre").replaceAll("(?s).*(SES-\\d{4}-\\d{6}).*", "$1");
        assertThat(browser.findAll("#lien-envoye")).isEmpty();

        // At once, for every client of the directory: the phone's stored password no longer binds.
        assertThat(TestAgents.binds(identifiant, PASSWORD)).as("the old password, as the mail servers try it").isFalse();
        assertThat(TestAgents.binds(identifiant, "Tableau-Vert-Du-Mardi-8")).isTrue();
        // The phone's portal session is over; this one goes on.
        assertThat(Https.send(java.net.http.HttpRequest.newBuilder(ItSettings.url("/compte")).header("Cookie", phonesSession).build())
                .headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/connexion?refus=session-terminee"));
        browser.open("/compte");
        browser.waitForPath("/compte");
        Mailboxes.Mail alert = Mailboxes.await("rssi@ac-amiens.fr",
                subject -> subject.startsWith("[" + reference + "] Signalement de sécurité"), MAIL_WAIT);
        assertThat(alert.text()).contains(identifiant, "changé par l’agent depuis le formulaire");
        browser.assertNoTechnicalDetail();

        // Nor does Sésame take the old password any more, from its cache or anywhere.
        browser.driver().manage().deleteAllCookies();
        browser.logIn(identifiant, PASSWORD);
        browser.waitFor("#messages");
        assertThat(browser.text("#messages")).contains("Identifiant ou mot de passe incorrect");
    }

    @Test
    void thePageSaysWhatIsMissing(Browser browser) {
        browser.logIn("cmartin", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/compte/securite");
        browser.submit("#signalement\\:envoyer");
        assertThat(browser.text("#signalement\\:nature-erreur")).contains("Choisissez ce qui se passe");
        browser.assertNoTechnicalDetail();
    }
}
