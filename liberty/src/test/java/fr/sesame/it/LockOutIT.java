package fr.sesame.it;

import fr.sesame.security.SecretTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** Five failed logins in fifteen minutes lock the account's logins for fifteen minutes. */
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
            assertThat(browser.findAll("#verrouillage")).isEmpty();
        }
        browser.logIn(login, "Mauvais-Mot-De-Passe-5");
    }

    @Test
    void theFifthFailureLocksTheAccountAndTheRightPasswordWaits(Browser browser) {
        String identifiant = newAgent();
        failFiveTimes(browser, identifiant);
        assertThat(browser.text("#verrouillage"))
                .contains("la connexion à ce compte est suspendue pendant 15 minute(s)")
                .contains("Mot de passe oublié");

        // From another address, with the right password, and with the academic address: still locked.
        browser.actAsNewClient();
        browser.logIn(TestAgents.academicAddress(identifiant), PASSWORD);
        browser.waitFor("#verrouillage");
        assertThat(browser.path()).isEqualTo("/connexion");
        browser.open("/compte");
        browser.waitForPath("/connexion");
    }

    @Test
    void theLockEndsByItselfAfterTheDelay(Browser browser) {
        String identifiant = newAgent();
        failFiveTimes(browser, identifiant);
        browser.waitFor("#verrouillage");

        // Sixteen minutes later (the failures are moved back in time rather than waited for).
        ItDatabase.update("update failed_attempt set occurred_at = ? where subject_hash = ?",
                OffsetDateTime.now().minusMinutes(16), SecretTokens.hash("LOGIN|identifiant|" + identifiant));
        browser.logIn(identifiant, PASSWORD);
        browser.waitForPath("/compte");
    }

    @Test
    void theHotlineLiftsALock(Browser browser) {
        String identifiant = newAgent();
        failFiveTimes(browser, identifiant);
        browser.waitFor("#verrouillage");

        browser.actAsNewClient();
        browser.logIn("hotline1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/hotline/verrous");
        browser.type("#recherche\\:q", identifiant);
        browser.submit("#recherche\\:chercher");
        assertThat(browser.text("#blocages")).contains("Connexion bloquée jusqu’à");
        browser.submit("#levee\\:lever");
        assertThat(browser.text("#messages")).contains("Le blocage du compte " + identifiant + " est levé");
        browser.waitFor("#pas-de-blocage");
        browser.submit("#deconnexion\\:logout");

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
