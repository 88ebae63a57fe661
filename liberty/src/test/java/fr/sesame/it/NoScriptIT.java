package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main flows in a Chromium that runs no script (a locked-down school computer, a text browser):
 * every form posts, does what it says and answers with the page that says so, never with the error
 * page. A form sent back without the nonce of its page is refused before its action, not after.
 */
@ExtendWith(Browser.class)
@Browser.WithoutJavaScript
class NoScriptIT {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    private static final String FIRST = "Cahier-Rouge-Du-Lundi-7";
    private static final String SECOND = "Tableau-Vert-Du-Mardi-8";
    private static final String RESET_SUBJECT = "Réinitialisation de votre mot de passe";
    private static final String CHANGED_SUBJECT = "Votre mot de passe a été modifié";

    private record TestAgent(String identifiant, String numen, String recovery) {
    }

    private static TestAgent newAgent(String prefix) {
        String identifiant = TestAgents.newIdentifiant(prefix);
        String numen = HrFile.newNumen();
        String recovery = identifiant + "@perso.example.org";
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(20)), recovery, FIRST, numen));
        return new TestAgent(identifiant, numen, recovery);
    }

    private static void assertNoErrorPage(Browser browser) {
        assertThat(browser.path()).doesNotStartWith("/erreur");
        assertThat(browser.findAll("#erreur-500, #erreur-session-expiree")).isEmpty();
        browser.assertNoTechnicalDetail();
    }

    @Test
    void theBrowserRunsNoScript(Browser browser) {
        browser.open("/assistance");
        // What a <noscript> holds is read as elements of the page only when scripts are off.
        assertThat(browser.findAll("noscript p.field__hint")).hasSize(1)
                .allSatisfy(hint -> assertThat(hint.isDisplayed()).isTrue());
    }

    @Test
    void tfournierLogsInWithHerPasswordAndLogsOut(Browser browser) {
        browser.logIn("tfournier", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        assertNoErrorPage(browser);
        assertThat(browser.text("h1")).isNotBlank();

        browser.submit("#deconnexion\\:logout");
        assertNoErrorPage(browser);
        browser.open("/compte");
        browser.waitForPath("/connexion");
    }

    @Test
    void aWrongPasswordIsSaidOnTheLoginPage(Browser browser) {
        browser.logIn("tfournier", "Pas-Le-Bon-2026");
        assertThat(browser.text("#messages")).contains("Identifiant ou mot de passe incorrect");
        assertNoErrorPage(browser);
    }

    @Test
    void aForgottenPasswordIsRequestedAndResetThroughTheLink(Browser browser) {
        TestAgent agent = newAgent("nojs-reset-");
        PasswordIT.requestReset(browser, agent.identifiant(), agent.numen());
        assertThat(browser.text("#demande-envoyee")).contains("Si ces informations correspondent à un compte");
        assertNoErrorPage(browser);

        String link = Mailboxes.await(agent.recovery(), RESET_SUBJECT::equals, MAIL_WAIT).find("(https://\\S+jeton=\\S+)");
        browser.driver().get(link);
        browser.type("#nouveau\\:motDePasse", "court");
        browser.type("#nouveau\\:confirmation", "court");
        browser.submit("#nouveau\\:enregistrer");
        assertNoErrorPage(browser);
        assertThat(browser.findAll("#mot-de-passe-reinitialise")).as("a refused password is said on the form").isEmpty();

        browser.type("#nouveau\\:motDePasse", SECOND);
        browser.type("#nouveau\\:confirmation", SECOND);
        browser.submit("#nouveau\\:enregistrer");
        assertThat(browser.text("#mot-de-passe-reinitialise")).contains("Votre mot de passe est changé");
        assertNoErrorPage(browser);

        browser.logIn(agent.identifiant(), SECOND);
        browser.waitForPath("/compte");
    }

    @Test
    void aLoggedInAgentChangesThePassword(Browser browser) {
        TestAgent agent = newAgent("nojs-change-");
        browser.logIn(agent.identifiant(), FIRST);
        browser.waitForPath("/compte");
        browser.open("/compte/mot-de-passe");
        browser.type("#changement\\:actuel", FIRST);
        browser.type("#changement\\:motDePasse", SECOND);
        browser.type("#changement\\:confirmation", SECOND);
        browser.submit("#changement\\:changer");
        browser.waitFor("#mot-de-passe-modifie");
        assertNoErrorPage(browser);
        Mailboxes.await(agent.recovery(), CHANGED_SUBJECT::equals, MAIL_WAIT);
    }

    @Test
    void theNationalDirectoryOfSchoolsIsImported(Browser browser) {
        browser.logIn("admin1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/admin/etablissements");
        browser.find("#envoi\\:fichier").sendKeys(SchoolImportIT.SAMPLE.toAbsolutePath().toString());
        browser.submit("#envoi\\:importer");
        assertNoErrorPage(browser);
        // No script polls the progress: the person reloads the page until the import is finished.
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(d -> {
            d.navigate().refresh();
            return browser.findAll("#etat-import").stream().anyMatch(e -> e.getText().startsWith("Import terminé"));
        });
        assertThat(browser.path()).isEqualTo("/admin/etablissements");
        assertThat(browser.text("#hors-academie")).isEqualTo("4");
        assertThat(browser.text("#rejetees")).isEqualTo("3");
        assertThat(browser.findAll("#rapport")).hasSize(1);
    }

    @Test
    void aNewAgentIsImportedAndActivatesTheAccount(Browser browser) throws Exception {
        HrFile hr = new HrFile();
        HrFile.Agent agent = hr.add("Amélie", "Noscript", "0801234A", "");
        Path file = hr.write();

        browser.logIn("admin1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/admin/import");
        browser.find("#envoi\\:fichier").sendKeys(file.toAbsolutePath().toString());
        browser.submit("#envoi\\:importer");
        assertNoErrorPage(browser);
        // No script polls the progress: the person reloads the page until the import is finished.
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(d -> {
            d.navigate().refresh();
            return browser.findAll("#etat-import").stream().anyMatch(e -> e.getText().startsWith("Import terminé"));
        });
        assertThat(browser.text("#invites")).isEqualTo("1");
        browser.submit("#deconnexion\\:logout");

        Mailboxes.Mail invitation = Mailboxes.await(agent.recovery(), ActivationIT.INVITATION::equals, MAIL_WAIT);
        String identifiant = invitation.find("Identifiant : (\\S+)");
        browser.driver().get(invitation.find("(https://\\S+/activation\\?jeton=\\S+)"));
        ActivationIT.identify(browser, identifiant, agent.numen());
        browser.find("label[for='envoi:canal:0']").click();
        browser.submit("#envoi\\:envoyer");
        String code = Mailboxes.await(agent.recovery(), subject -> subject.startsWith("Votre code d’activation"), MAIL_WAIT)
                .find("code d’activation : (\\d{6})");
        ActivationIT.enterCode(browser, code);

        browser.type("#motdepasse\\:motDePasse", ActivationIT.NEW_PASSWORD);
        browser.type("#motdepasse\\:confirmation", ActivationIT.NEW_PASSWORD);
        browser.submit("#motdepasse\\:activer");
        assertThat(browser.text("#motdepasse\\:charte-erreur")).as("the charter is not yet accepted").isNotBlank();
        browser.type("#motdepasse\\:motDePasse", ActivationIT.NEW_PASSWORD);
        browser.type("#motdepasse\\:confirmation", ActivationIT.NEW_PASSWORD);
        ActivationIT.acceptCharter(browser);
        browser.submit("#motdepasse\\:activer");
        browser.waitFor("#activation-terminee");
        assertNoErrorPage(browser);

        browser.logIn(identifiant, ActivationIT.NEW_PASSWORD);
        browser.waitForPath("/compte");
    }

    @Test
    void aVisitorSendsTheRequestFormAfterTheWait(Browser browser) {
        String contact = "nojs" + System.nanoTime() + "@perso.example.org";
        browser.open("/assistance");
        browser.type("#assistance\\:nom", "Visiteur Sans Script");
        new Select(browser.find("#assistance\\:etablissement")).selectByValue("0801234A");
        browser.type("#assistance\\:contact", contact);
        new Select(browser.find("#assistance\\:categorie")).selectByValue("PASSWORD");
        browser.type("#assistance\\:objet", "Mot de passe oublié");
        browser.type("#assistance\\:description", "Je ne peux plus ouvrir ma messagerie depuis ce matin.");
        new Select(browser.find("#assistance\\:urgence")).selectByValue("3");
        new Select(browser.find("#assistance\\:impact")).selectByValue("3");
        Mailboxes.sleep(2500); // SESAME_CHALLENGE_WAIT_SECONDS=2 on the test server: the wait a person without scripts makes
        browser.submit("#assistance\\:envoyer");
        assertNoErrorPage(browser);
        String reference = browser.text("#reference");
        assertThat(reference).matches("SES-\\d{4}-\\d{6}");
        Mailboxes.await(contact, subject -> subject.startsWith("[" + reference + "]"), MAIL_WAIT);
    }

    @Test
    void anAgentReportsALostPhone(Browser browser) {
        TestAgent agent = newAgent("nojs-perdu-");
        browser.logIn(agent.identifiant(), FIRST);
        browser.waitForPath("/compte");
        browser.open("/compte/securite");
        browser.find("label[for='signalement:nature:0']").click();
        browser.type("#signalement\\:description", "Téléphone oublié dans le train ce matin.");
        browser.submit("#signalement\\:envoyer");
        browser.waitFor("#signalement-enregistre");
        assertNoErrorPage(browser);
        Mailboxes.await(agent.recovery(), RESET_SUBJECT::equals, MAIL_WAIT);
    }

    @Test
    void theHotlineFindsAnAgentAndSendsAResetLink(Browser browser) {
        TestAgent agent = newAgent("nojs-hot-");
        browser.logIn("hotline1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/hotline/agents");
        browser.type("#recherche\\:q", agent.identifiant());
        browser.submit("#recherche\\:chercher");
        assertNoErrorPage(browser);
        assertThat(browser.text("#recherche\\:resultats")).contains(agent.identifiant());

        browser.open("/hotline/agent?id=" + agent.identifiant());
        browser.find("#lien\\:confirmer").click();
        browser.submit("#lien\\:envoyer");
        assertThat(browser.text("#messages")).contains("Un lien de réinitialisation part vers l’adresse de secours de " + agent.identifiant());
        assertNoErrorPage(browser);
        Mailboxes.await(agent.recovery(), RESET_SUBJECT::equals, MAIL_WAIT);
    }

    @Test
    void aFormSentWithoutItsPagesNonceIsRefusedBeforeItsActionRuns() throws Exception {
        TestAgent agent = newAgent("nojs-nonce-");
        FacesForm form = FacesForm.open("/mot-de-passe-oublie", "demande", "10.9." + (int) (Math.random() * 250) + ".7");
        HttpResponse<String> refused = form.withoutNonce().post(Map.of(
                "demande", "demande",
                "demande:identifiant", agent.identifiant(),
                "demande:numen", agent.numen(),
                "demande:envoyer", ""), null);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/erreur/session-expiree");

        FacesForm other = FacesForm.open("/mot-de-passe-oublie", "demande", "10.9." + (int) (Math.random() * 250) + ".8");
        HttpResponse<String> mismatched = other.withNonce("QW5vdGhlclBhZ2VzTm9uY2U=").post(Map.of(
                "demande", "demande",
                "demande:identifiant", agent.identifiant(),
                "demande:numen", agent.numen(),
                "demande:envoyer", ""), null);
        assertThat(mismatched.statusCode()).isEqualTo(302);
        assertThat(mismatched.headers().firstValue("Location").orElse("")).endsWith("/erreur/session-expiree");

        // Neither request ran: the same form with its nonce sends the one link.
        FacesForm right = FacesForm.open("/mot-de-passe-oublie", "demande", "10.9." + (int) (Math.random() * 250) + ".9");
        HttpResponse<String> sent = right.post(Map.of(
                "demande", "demande",
                "demande:identifiant", agent.identifiant(),
                "demande:numen", agent.numen(),
                "demande:envoyer", ""), null);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("id=\"demande-envoyee\"");
        Mailboxes.await(agent.recovery(), RESET_SUBJECT::equals, MAIL_WAIT);
        assertThat(ItDatabase.texts("select kind from outbound_message where recipient = ?", agent.recovery()))
                .as("the refused forms queued nothing").containsExactly("password-reset");
    }
}
