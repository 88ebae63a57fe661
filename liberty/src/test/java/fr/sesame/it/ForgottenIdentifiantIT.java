package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** "Identifiant oublié": NUMEN and recovery address, the same answer in every case. */
@ExtendWith(Browser.class)
class ForgottenIdentifiantIT {

    private static final String SUBJECT = "Votre identifiant de messagerie académique";

    @Test
    void theIdentifiantGoesToTheRecoveryAddressOnFile(Browser browser) {
        long before = Mailboxes.count("julie.dupont@example.org", SUBJECT::equals);
        ask(browser, "20e 1800222 jdu", "Julie.Dupont@example.org");

        browser.waitFor("#reponse");
        Mailboxes.Mail mail = Mailboxes.await("julie.dupont@example.org",
                subject -> SUBJECT.equals(subject) && Mailboxes.count("julie.dupont@example.org", SUBJECT::equals) > before,
                ActivationIT.MAIL_WAIT);
        assertThat(mail.text()).contains("Identifiant : jdupont2", "julie.dupont@ac-amiens.fr").doesNotContain("20E1800222JDU");
    }

    @Test
    void anotherAddressGetsTheSameAnswerAndNothingIsSent(Browser browser) {
        String stranger = "curieux." + HrFile.randomLetters(6) + "@example.org";
        ask(browser, "20E1800222JDU", stranger);

        browser.waitFor("#reponse");
        String answer = browser.text("#reponse");
        browser.open("/identifiant-oublie");
        ask(browser, HrFile.newNumen(), stranger);
        browser.waitFor("#reponse");

        assertThat(browser.text("#reponse")).isEqualTo(answer);
        Mailboxes.sleep(2000);
        assertThat(Mailboxes.read(stranger)).isEmpty();
    }

    @Test
    void aNumenOfTheWrongShapeIsExplained(Browser browser) {
        ask(browser, "123", "someone@example.org");

        browser.waitForText("#oubli\\:numen-erreur", "13 caractères");
        assertThat(browser.findAll("#reponse")).isEmpty();
    }

    private static void ask(Browser browser, String numen, String address) {
        browser.open("/identifiant-oublie");
        browser.type("#oubli\\:numen", numen);
        browser.type("#oubli\\:adresse", address);
        browser.find("#oubli\\:envoyer").click();
    }
}
