package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lock written by Sésame is the directory's own: from the moment the RSSI locks an account, no
 * client of the directory (the mail servers bind like this test) accepts its password, and unlocking
 * gives it back.
 */
@ExtendWith(Browser.class)
class DirectoryLockIT {

    private static final String PASSWORD = "Agrafeuse-Verte-Du-Mardi-6";

    @Test
    void theRssisLockClosesTheDirectoryToTheAccountAndTheUnlockOpensIt(Browser browser) {
        String identifiant = TestAgents.newIdentifiant("dlock-");
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(3)),
                identifiant + "@perso.example.org", PASSWORD, HrFile.newNumen()));
        assertThat(TestAgents.binds(identifiant, PASSWORD)).isTrue();

        browser.logIn(identifiant, PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/compte/securite");
        browser.find("label[for='signalement:nature:0']").click();
        browser.type("#signalement\\:description", "Téléphone volé dans le bus.");
        browser.submit("#signalement\\:envoyer");
        String reference = browser.text("#signalement-enregistre").replaceAll("(?s).*(SES-\\d{4}-\\d{6}).*", "$1");
        browser.submit("#deconnexion\\:logout");

        browser.logIn("rssi1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/support/demande?ref=" + reference);
        browser.submit("#securite\\:verrouiller");
        assertThat(browser.text("#messages")).contains("Le compte est verrouillé");
        assertThat(TestAgents.binds(identifiant, PASSWORD)).as("the mail servers' bind, once locked").isFalse();

        browser.submit("#securite\\:deverrouiller");
        assertThat(browser.text("#messages")).contains("Le compte est déverrouillé");
        assertThat(TestAgents.binds(identifiant, PASSWORD)).as("unlocked").isTrue();
    }
}
