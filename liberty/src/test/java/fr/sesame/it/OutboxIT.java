package fr.sesame.it;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail server that is down delays mail, it never loses it and never undoes the agent's action; the
 * hotline sees where each message stands.
 */
@ExtendWith(Browser.class)
class OutboxIT {

    private static final String WELCOME = "Bienvenue sur votre messagerie académique";
    /** What the hotline's page says of it: its kind, never its subject. */
    private static final String WELCOME_KIND = "Bienvenue (réglages)";
    private static final String CODE_KIND = "Code d’activation";

    @Test
    void anActivationSucceedsWhileTheMailServerIsDownAndItsMailLeavesOnceWhenItReturns(Browser browser) throws Exception {
        HrFile hr = new HrFile();
        HrFile.Agent agent = hr.add("Rose", "Garnier", "0801234A", "");
        ImportIT.importAsAdmin(browser, hr.write());
        Mailboxes.Mail invitation = Mailboxes.await(agent.recovery(), ActivationIT.INVITATION::equals, ActivationIT.MAIL_WAIT);
        String identifiant = invitation.find("Identifiant : (\\S+)");
        String academicAddress = invitation.find("Adresse académique : (\\S+)");
        browser.driver().manage().deleteAllCookies();
        browser.open("/activation");
        ActivationIT.identify(browser, identifiant, agent.numen());
        browser.waitFor("#envoi");
        browser.find("#envoi\\:envoyer").click();
        browser.waitFor("#verification\\:code");
        ActivationIT.enterCode(browser, Mailboxes.await(agent.recovery(), s -> s.startsWith("Votre code"), ActivationIT.MAIL_WAIT)
                .find("code d’activation : (\\d{6})"));
        browser.waitFor("#motdepasse\\:motDePasse");

        GreenMail mail = EmbeddedServicesForTests.mail().greenMail();
        mail.stop();
        try {
            ActivationIT.choosePassword(browser, ActivationIT.NEW_PASSWORD);
            browser.waitFor("#activation-terminee");

            browser.driver().manage().deleteAllCookies();
            browser.logIn("hotline1", DEMO_PASSWORD);
            browser.waitForPath("/compte");
            browser.open("/hotline/courriels?q=" + identifiant);
            waitForStatus(browser, "En attente");
            assertThat(browser.text("#messages-envoyes")).contains(WELCOME_KIND, academicAddress)
                    .doesNotContain(WELCOME, "Bonjour");
            // While it waits, the database holds the body sealed: nothing of its text is readable there.
            assertThat(ItDatabase.texts("select body from outbound_message where kind = 'welcome' and recipient = ?", academicAddress))
                    .singleElement().satisfies(body -> assertThat(body).startsWith("v1:").doesNotContain(identifiant, "Bonjour", "Identifiant"));
        } finally {
            mail.start();
        }

        Mailboxes.Mail welcome = Mailboxes.await(academicAddress, WELCOME::equals, Duration.ofSeconds(60));
        assertThat(welcome.text()).contains("Identifiant : " + identifiant);
        browser.open("/hotline/courriels?q=" + identifiant);
        waitForStatus(browser, "Envoyé");
        Mailboxes.sleep(5000); // a second delivery would have happened by now
        assertThat(Mailboxes.count(academicAddress, WELCOME::equals)).isEqualTo(1);
        browser.driver().manage().deleteAllCookies();
        browser.logIn(identifiant, ActivationIT.NEW_PASSWORD);
        browser.waitForPath("/compte");
    }

    @Test
    void aCodeThatCouldNotLeaveWhileValidIsDroppedAndTheHotlineSeesIt(Browser browser) throws Exception {
        HrFile hr = new HrFile();
        HrFile.Agent agent = hr.add("Paul", "Lenoir", "0801234A", "");
        ImportIT.importAsAdmin(browser, hr.write());
        String identifiant = Mailboxes.await(agent.recovery(), ActivationIT.INVITATION::equals, ActivationIT.MAIL_WAIT)
                .find("Identifiant : (\\S+)");
        browser.driver().manage().deleteAllCookies();
        browser.open("/activation");
        ActivationIT.identify(browser, identifiant, agent.numen());
        browser.waitFor("#envoi");

        GreenMail mail = EmbeddedServicesForTests.mail().greenMail();
        mail.stop();
        try {
            browser.find("#envoi\\:envoyer").click();
            browser.waitFor("#verification\\:code");
            browser.driver().manage().deleteAllCookies();
            browser.logIn("hotline1", DEMO_PASSWORD);
            browser.waitForPath("/compte");
            browser.open("/hotline/courriels?q=" + identifiant);
            waitForStatus(browser, CODE_KIND, "En attente");
            assertThat(browser.text("#en-attente")).containsPattern("\\d+ message\\(s\\) attendent le serveur de messagerie");

            // The code's validity ends while the server is still down.
            java.time.OffsetDateTime aMinuteAgo = java.time.OffsetDateTime.now().minusMinutes(1);
            ItDatabase.update("update outbound_message set useful_until = ?, next_attempt_at = ? where kind = 'code' and reference = ?",
                    aMinuteAgo, aMinuteAgo, identifiant);
            waitForStatus(browser, CODE_KIND, "Abandonné : plus valable");
            assertThat(ItDatabase.texts("select body from outbound_message where kind = 'code' and reference = ?", identifiant))
                    .containsOnlyNulls();
        } finally {
            mail.start();
        }
        Mailboxes.sleep(5000); // a delivery would have happened by now
        assertThat(Mailboxes.count(agent.recovery(), subject -> subject.startsWith("Votre code"))).isZero();
    }

    private static void waitForStatus(Browser browser, String status) {
        waitForStatus(browser, WELCOME_KIND, status);
    }

    private static void waitForStatus(Browser browser, String kind, String status) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> {
            if (browser.text("#messages-envoyes").contains(kind) && rowOf(browser, kind).contains(status)) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
    }

    private static String rowOf(Browser browser, String kind) {
        return browser.findAll("#messages-envoyes tr").stream().map(row -> row.getText())
                .filter(text -> text.contains(kind)).findFirst().orElse("");
    }
}
