package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** Logging in and out in a real browser, against the demo directory. */
@ExtendWith(Browser.class)
class LoginIT {

    private static final String GENERIC_FAILURE = "Identifiant ou mot de passe incorrect.";

    @Test
    void cmartinLogsInAndSeesHerAccountReadFromTheDirectory(Browser browser) {
        browser.open("/compte");
        browser.waitForPath("/connexion");
        browser.open("/");
        String sessionBefore = browser.cookie("JSESSIONID");
        assertThat(sessionBefore).as("a session exists before login").isNotNull();

        browser.logIn("cmartin", DEMO_PASSWORD);

        browser.waitForPath("/compte");
        assertThat(browser.text("h1")).isEqualTo("Mon compte");
        assertThat(browser.text("#nom")).isEqualTo("Claire Martin");
        assertThat(browser.text("#identifiant")).isEqualTo("cmartin");
        assertThat(browser.text("#adresse-academique")).isEqualTo("claire.martin@ac-amiens.fr");
        assertThat(browser.text("#etablissement")).isEqualTo("Collège Jules Verne, Amiens (0801234A)");
        assertThat(browser.text("#adresse-de-secours")).isEqualTo("claire.martin@example.org");
        assertThat(browser.text("#etat")).isEqualTo("Actif");
        assertThat(browser.text("#roles")).contains("Agent").doesNotContain("Administrateur");
        assertThat(browser.text("#mot-de-passe-change")).doesNotContain("inconnue");
        assertThat(browser.cookie("JSESSIONID")).as("session id renewed at login").isNotEqualTo(sessionBefore);
    }

    @Test
    void theAcademicAddressWorksAsWellAsTheIdentifiant(Browser browser) {
        browser.logIn("claire.martin@ac-amiens.fr", DEMO_PASSWORD);

        browser.waitForPath("/compte");
        assertThat(browser.text("#identifiant")).isEqualTo("cmartin");
    }

    @Test
    void aPasswordTypedInTheIdentifiantFieldNeverReachesTheAuditTrail(Browser browser) {
        String typed = "Mon-Mot-De-Passe-" + System.nanoTime();
        browser.logIn(typed, "Mon-Mot-De-Passe-Qui-Suit");
        assertThat(browser.text("#messages")).contains("Identifiant ou mot de passe incorrect");

        assertThat(ItDatabase.texts("select id from audit_event where actor like ? or detail like ?", "%" + typed + "%", "%" + typed + "%"))
                .as("what was typed, anywhere in the trail").isEmpty();
        assertThat(ItDatabase.texts("select detail from audit_event where type = 'LOGIN_FAILED' and actor is null order by id desc"))
                .as("the failure itself is kept").first().isEqualTo("unknown account");
        // An existing account's failed login names it, even when typed as its academic address.
        String identifiant = TestAgents.newIdentifiant("audit-");
        TestAgents.addFromTests(TestAgents.active(identifiant, java.time.Instant.now(), null, DEMO_PASSWORD, null));
        browser.logIn(TestAgents.academicAddress(identifiant), "Pas-Le-Bon-Mot-De-Passe-1");
        assertThat(ItDatabase.texts("select actor from audit_event where type = 'LOGIN_FAILED' order by id desc")).first()
                .isEqualTo(identifiant);
    }

    @Test
    void afterLoginTheAgentGoesBackToThePageSheAskedFor(Browser browser) {
        browser.open("/compte");
        browser.waitForPath("/connexion");
        browser.type("#connexion\\:identifiant", "referent1");
        browser.type("#connexion\\:motDePasse", DEMO_PASSWORD);
        browser.submit("#connexion\\:seConnecter");
        browser.secondStep("referent1"); // the second factor, which staff must have

        browser.waitForPath("/compte");
        assertThat(browser.text("#roles")).contains("Référent numérique");
    }

    @Test
    void aWrongPasswordShowsAKindFrenchErrorAndNoLogin(Browser browser) {
        browser.logIn("cmartin", "pas-le-bon-mot-de-passe");

        browser.waitFor("#messages .ui-messages-error");
        assertThat(browser.path()).isEqualTo("/connexion");
        assertThat(browser.text("#messages")).contains(GENERIC_FAILURE);
        browser.open("/compte");
        browser.waitForPath("/connexion");
    }

    @Test
    void anUnknownIdentifiantGetsExactlyTheSameAnswer(Browser browser) {
        browser.logIn("personne-inconnue", DEMO_PASSWORD);

        browser.waitFor("#messages .ui-messages-error");
        assertThat(browser.text("#messages")).contains(GENERIC_FAILURE);
    }

    @Test
    void ldapFilterCharactersAreJustAWrongIdentifiant(Browser browser) {
        browser.logIn("*)(uid=*))(|(uid=*", DEMO_PASSWORD);

        browser.waitFor("#messages .ui-messages-error");
        assertThat(browser.text("#messages")).contains(GENERIC_FAILURE);
        assertThat(browser.path()).isEqualTo("/connexion");
    }

    @Test
    void emptyFieldsAreNamedBesideEachField(Browser browser) {
        browser.open("/connexion");
        browser.find("#connexion\\:seConnecter").click();

        browser.waitForText("#connexion\\:identifiant-erreur", "Indiquez");
        assertThat(browser.text("#connexion\\:identifiant-erreur"))
                .isEqualTo("Indiquez votre identifiant ou votre adresse académique.");
        assertThat(browser.text("#connexion\\:motDePasse-erreur")).isEqualTo("Indiquez votre mot de passe.");
        assertThat(browser.find("#connexion\\:identifiant").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#connexion\\:identifiant").getAttribute("aria-describedby"))
                .contains("connexion:identifiant-erreur");
    }

    @Test
    void aTenThousandCharacterIdentifiantIsRefusedCalmly(Browser browser) {
        browser.open("/connexion");
        // The field's maxlength stops a person; a script or a proxy does not.
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var f = document.getElementById('connexion:identifiant'); f.removeAttribute('maxlength');"
                        + " f.value = 'é'.repeat(10000);");
        browser.type("#connexion\\:motDePasse", DEMO_PASSWORD);
        browser.find("#connexion\\:seConnecter").click();

        browser.waitFor("#messages .ui-messages-error");
        assertThat(browser.text("#messages")).contains(GENERIC_FAILURE);
        assertThat(browser.find("#connexion\\:identifiant").getAttribute("value")).hasSizeLessThanOrEqualTo(254);
        browser.assertNoTechnicalDetail();
    }

    /**
     * The directory itself refuses a locked account, for Sésame as for the mail servers: the right
     * password opens nothing, and the login page says no more than for a wrong one (a stranger learns
     * nothing about the account).
     */
    @Test
    void aLockedAccountCannotLogInAnywhereAndTheLoginPageSaysNoMoreThanForAWrongPassword(Browser browser) {
        assertThat(TestAgents.binds("nleroy", DEMO_PASSWORD)).as("a plain bind, as the mail servers do").isFalse();
        assertThat(TestAgents.binds("cmartin", DEMO_PASSWORD)).isTrue();

        browser.logIn("nleroy", "pas-le-bon-mot-de-passe");
        browser.waitFor("#messages .ui-messages-error");
        String wrong = browser.text("#messages");
        browser.logIn("nleroy", DEMO_PASSWORD);
        browser.waitFor("#messages .ui-messages-error");

        assertThat(browser.text("#messages")).isEqualTo(wrong).contains(GENERIC_FAILURE).doesNotContain("verrouillé");
        browser.open("/compte");
        browser.waitForPath("/connexion");
    }

    @Test
    void logoutEndsTheLogin(Browser browser) {
        browser.logIn("cmartin", DEMO_PASSWORD);
        browser.waitForPath("/compte");

        browser.find("#deconnexion\\:logout").click();

        browser.waitFor("#deconnecte");
        assertThat(browser.text("#deconnecte")).contains("Vous êtes déconnecté");
        browser.open("/compte");
        browser.waitForPath("/connexion");
    }

    @Test
    void theLanguageSwitchShowsTheSamePageInEnglishAndRemembersIt(Browser browser) {
        browser.open("/connexion");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");

        browser.find("#changer-de-langue").click();

        browser.waitFor("html[lang='en']");
        assertThat(browser.text("h1")).isEqualTo("Log in");
        browser.open("/");
        assertThat(browser.text("h1")).isEqualTo("Your academic mailbox, on your own");
        browser.find("#changer-de-langue").click();
        browser.waitFor("html[lang='fr']");
    }
}
