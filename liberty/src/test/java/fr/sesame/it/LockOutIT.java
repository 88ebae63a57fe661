package fr.sesame.it;

import fr.sesame.security.SecretTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Five failed logins in fifteen minutes: the account asks for the "je ne suis pas un robot" check for
 * fifteen minutes, and with it the right password still opens it (a stranger cannot keep an agent out).
 * Too many failures from one client address refuse that address; the hotline lifts either lock.
 */
@ExtendWith(Browser.class)
class LockOutIT {

    private static final String PASSWORD = "Cahier-Rouge-Du-Lundi-7";

    private static String newAgent() {
        String identifiant = TestAgents.newIdentifiant("lock-");
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(5)),
                identifiant + "@perso.example.org", PASSWORD, HrFile.newNumen()));
        return identifiant;
    }

    private static void failFiveTimes(Browser browser, String login) {
        for (int attempt = 1; attempt <= 4; attempt++) {
            browser.logIn(login, "Mauvais-Mot-De-Passe-" + attempt);
            assertThat(browser.text("#messages")).contains("Identifiant ou mot de passe incorrect");
            assertThat(browser.findAll("altcha-widget")).isEmpty();
        }
        browser.logIn(login, "Mauvais-Mot-De-Passe-5");
        assertThat(browser.text("#messages")).contains("Trop d’essais pour ce compte");
        browser.waitFor("altcha-widget");
    }

    private static void logInWith(Browser browser, String login, String password, boolean solveChallenge) {
        browser.open("/connexion");
        browser.type("#connexion\\:identifiant", login);
        browser.type("#connexion\\:motDePasse", password);
        if (solveChallenge) {
            browser.solveChallenge();
        }
        browser.submit("#connexion\\:seConnecter");
    }

    @Test
    void afterFiveFailuresTheRightPasswordOpensTheAccountWithTheChallengeOnly(Browser browser) {
        String identifiant = newAgent();
        failFiveTimes(browser, identifiant);

        // From another address, with the right password but no challenge (the academic address too): refused.
        browser.actAsNewClient();
        browser.logIn(TestAgents.academicAddress(identifiant), PASSWORD);
        assertThat(browser.text("#messages")).contains("Trop d’essais pour ce compte");
        assertThat(browser.text("#verification-robot-erreur")).contains("Cochez la case");
        assertThat(browser.path()).isEqualTo("/connexion");
        browser.open("/compte");
        browser.waitForPath("/connexion");

        // The login page asks for the challenge once it knows the account; a wrong password with it solved
        // is still a failure.
        browser.logIn(identifiant, PASSWORD);
        assertThat(browser.text("#messages")).contains("Trop d’essais pour ce compte");
        browser.type("#connexion\\:identifiant", identifiant);
        browser.type("#connexion\\:motDePasse", "Encore-Faux-9");
        browser.solveChallenge();
        browser.submit("#connexion\\:seConnecter");
        assertThat(browser.text("#messages")).contains("Identifiant ou mot de passe incorrect");

        // The right password with the challenge solved: in.
        browser.type("#connexion\\:identifiant", identifiant);
        browser.type("#connexion\\:motDePasse", PASSWORD);
        browser.solveChallenge();
        browser.submit("#connexion\\:seConnecter");
        browser.waitForPath("/compte");
    }

    @Test
    void theChallengeEndsByItselfAfterTheDelay(Browser browser) {
        String identifiant = newAgent();
        failFiveTimes(browser, identifiant);

        // Sixteen minutes later (the wait is moved back in time rather than waited for).
        assertThat(ItDatabase.update("update attempt_counter set locked_until = ? where subject_hash = ?",
                OffsetDateTime.now().minusMinutes(1), SecretTokens.hash("LOGIN|identifiant|" + identifiant))).isEqualTo(1);
        logInWith(browser, identifiant, PASSWORD, false);
        browser.waitForPath("/compte");
    }

    @Test
    void theHotlineLiftsALock(Browser browser) {
        String identifiant = newAgent();
        failFiveTimes(browser, identifiant);

        browser.actAsNewClient();
        browser.logIn("hotline1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/hotline/verrous");
        browser.type("#recherche\\:q", identifiant);
        browser.submit("#recherche\\:chercher");
        assertThat(browser.text("#blocages")).contains("la vérification « je ne suis pas un robot » est demandée jusqu’à");
        browser.submit("#levee\\:lever");
        assertThat(browser.text("#messages")).contains("Le blocage du compte " + identifiant + " est levé");
        browser.waitFor("#pas-de-blocage");
        browser.submit("#deconnexion\\:logout");

        logInWith(browser, identifiant, PASSWORD, false);
        browser.waitForPath("/compte");
    }

    @Test
    void aSchoolsAddressRefusedForTooManyFailuresIsLiftedByTheHotline(Browser browser) {
        String identifiant = newAgent();
        String school = browser.actAsNewClient();
        // Twenty failures from this address, as many agents of one school would make.
        ItDatabase.update("insert into attempt_counter (subject_hash, attempts, window_start, locked_until) values (?, 20, ?, ?)",
                SecretTokens.hash("LOGIN|client|" + school), OffsetDateTime.now(), OffsetDateTime.now().plusMinutes(15));

        browser.logIn(identifiant, PASSWORD);
        assertThat(browser.text("#verrouillage")).contains("Trop d’essais depuis votre réseau");

        browser.actAsNewClient();
        browser.logIn("hotline1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/hotline/verrous");
        browser.type("#adresse\\:ip", school);
        browser.submit("#adresse\\:chercher");
        assertThat(browser.text("#blocages-adresse")).contains("Connexions refusées jusqu’à");
        browser.submit("#levee-adresse\\:lever");
        assertThat(browser.text("#messages")).contains("Le blocage de l’adresse " + school + " est levé");
        browser.waitFor("#adresse-sans-blocage");
        browser.submit("#deconnexion\\:logout");

        browser.actAs(school);
        browser.logIn(identifiant, PASSWORD);
        browser.waitForPath("/compte");
    }

    @Test
    void anAgentCannotReachTheLockPage(Browser browser) {
        browser.logIn("cmartin", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/hotline/verrous");
        assertThat(browser.findAll("#recherche")).isEmpty();
    }
}
