package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recovery address from "Mon compte": a new one becomes the address that receives reset links only
 * once the link sent to it is followed; the old one is told; academic addresses are refused.
 */
@ExtendWith(Browser.class)
class RecoveryAddressIT {

    private static final String PASSWORD = "Cahier-Rouge-Du-Lundi-7";
    private static final Duration MAIL_WAIT = Duration.ofSeconds(45);

    @Test
    void aNewAddressReplacesTheOldOnlyOnceConfirmedAndTheOldIsTold(Browser browser) {
        String identifiant = TestAgents.newIdentifiant("secours-");
        String old = identifiant + "@perso.example.org";
        String fresh = "nouvelle." + identifiant + "@autre.example.net";
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(3)), old, PASSWORD,
                HrFile.newNumen()));
        browser.logIn(identifiant, PASSWORD);
        browser.waitForPath("/compte");
        browser.find("#changer-adresse-de-secours").click();
        browser.waitForPath("/compte/adresse-de-secours");
        assertThat(browser.text("#adresse-actuelle")).isEqualTo(old);

        for (String refused : new String[] {TestAgents.academicAddress(identifiant), "claire@ac-amiens.fr",
                "claire@clg-verne.ac-amiens.fr", "x".repeat(250) + "@example.org"}) {
            browser.type("#adresse\\:nouvelle", refused);
            browser.submit("#adresse\\:envoyer");
            assertThat(browser.text("#adresse\\:nouvelle-erreur")).as(refused).contains("adresse personnelle valide");
        }

        browser.type("#adresse\\:nouvelle", fresh);
        browser.submit("#adresse\\:envoyer");
        assertThat(browser.text("#lien-envoye")).contains(fresh);
        browser.open("/compte/adresse-de-secours");
        assertThat(browser.text("#adresse-actuelle")).isEqualTo(old);
        assertThat(browser.text("#en-attente")).contains(fresh);

        Mailboxes.Mail confirmation = Mailboxes.await(fresh, "Confirmez votre adresse de secours"::equals, MAIL_WAIT);
        String link = confirmation.find("(https://\\S+/adresse-de-secours\\?jeton=\\S+)");
        browser.submit("#deconnexion\\:logout");
        // Opening the link changes nothing (mail scanners open links): its button does, without a login.
        browser.driver().get(link);
        browser.open("/erreur/404");
        browser.driver().get(link);
        browser.submit("#confirmation\\:confirmer");
        assertThat(browser.text("#adresse-confirmee")).contains(fresh);
        Mailboxes.Mail notice = Mailboxes.await(old, "Votre adresse de secours a été changée"::equals, MAIL_WAIT);
        assertThat(notice.text()).contains("Ce n’est pas vous ?", "/compte/securite").doesNotContain(fresh);

        // Used once.
        browser.driver().get(link);
        browser.submit("#confirmation\\:confirmer");
        assertThat(browser.text("#lien-invalide")).contains("ne marche plus");

        browser.logIn(identifiant, PASSWORD);
        browser.waitForPath("/compte");
        assertThat(browser.text("#adresse-de-secours")).contains(fresh);
    }

    @Test
    void anAgentWithoutOneAddsOneAndAnOlderRequestStopsWorking(Browser browser) {
        String identifiant = TestAgents.newIdentifiant("sans-");
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(3)), null, PASSWORD,
                HrFile.newNumen()));
        String first = "premiere." + identifiant + "@example.org";
        String second = "seconde." + identifiant + "@example.org";
        browser.logIn(identifiant, PASSWORD);
        browser.waitForPath("/compte");
        assertThat(browser.text("#adresse-de-secours")).contains("Aucune adresse de secours");
        browser.open("/compte/adresse-de-secours");
        browser.type("#adresse\\:nouvelle", first);
        browser.submit("#adresse\\:envoyer");
        browser.type("#adresse\\:nouvelle", second);
        browser.submit("#adresse\\:envoyer");

        String firstLink = Mailboxes.await(first, "Confirmez votre adresse de secours"::equals, MAIL_WAIT)
                .find("(https://\\S+/adresse-de-secours\\?jeton=\\S+)");
        browser.driver().get(firstLink);
        browser.submit("#confirmation\\:confirmer");
        assertThat(browser.text("#lien-invalide")).contains("plus récente");

        browser.driver().get(Mailboxes.await(second, "Confirmez votre adresse de secours"::equals, MAIL_WAIT)
                .find("(https://\\S+/adresse-de-secours\\?jeton=\\S+)"));
        browser.submit("#confirmation\\:confirmer");
        assertThat(browser.text("#adresse-confirmee")).contains(second);
        browser.open("/compte");
        assertThat(browser.text("#adresse-de-secours")).contains(second);
    }

    @Test
    void anUnknownLinkChangesNothing(Browser browser) {
        browser.open("/adresse-de-secours?jeton=" + HrFile.randomLetters(43));
        browser.submit("#confirmation\\:confirmer");
        assertThat(browser.text("#lien-invalide")).contains("ne marche plus");
        browser.open("/adresse-de-secours?jeton=%3Cscript%3E" + "a".repeat(5000));
        browser.submit("#confirmation\\:confirmer");
        assertThat(browser.text("#lien-invalide")).contains("ne marche plus");
        browser.assertNoTechnicalDetail();
    }
}
