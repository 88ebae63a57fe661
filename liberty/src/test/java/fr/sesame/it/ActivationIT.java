package fr.sesame.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * From the HR file to a working password, in a real browser, reading every e-mail and SMS from the
 * embedded mail server over IMAP.
 */
@ExtendWith(Browser.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivationIT {

    static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    static final String INVITATION = "Activez votre messagerie académique";
    static final String NEW_PASSWORD = "Voilier-Baie-Somme-2026";

    private HrFile.Agent elodie;
    private HrFile.Agent jean;
    private HrFile.Agent noe;
    private HrFile.Agent clara;
    private HrFile.Agent hugo;
    private HrFile.Agent ines;
    private HrFile.Agent marc;
    private HrFile.Agent lea;
    private Path file;

    @BeforeAll
    void importTheHrFile(Browser browser) throws Exception {
        HrFile hr = new HrFile();
        elodie = hr.add("Élodie", "Vasseur", "0801234A", "");
        jean = hr.add(new HrFile.Agent(HrFile.newNumen(), "Dupont", "Jean", "0600045T",
                "it." + HrFile.randomLetters(6) + "@example.org", ""));
        // 06 10 to 06 89: a metropolitan mobile (06 90 to 06 97 belong to the overseas departments).
        noe = hr.add("Noé", "Lefort", "0020078K", "06 " + (10 + (int) (Math.random() * 80)) + " 22 33 44");
        clara = hr.add("Clara", "Masson", "0801234A", "");
        hugo = hr.add("Hugo", "Brunet", "0600045T", "");
        ines = hr.add("Inès", "Renard", "0801234A", "");
        marc = hr.add("Marc", "Colin", "0801234A", "");
        lea = hr.add("Léa", "Garnier", "0801234A", "");
        file = hr.write();

        ImportIT.importAsAdmin(browser, file);
        assertThat(browser.text("#invites")).isEqualTo("8");
    }

    @Test
    void aNewAgentActivatesWithTheCodeByEmailThenLogsIn(Browser browser) {
        Mailboxes.Mail invitation = Mailboxes.await(elodie.recovery(), INVITATION::equals, MAIL_WAIT);
        String identifiant = invitation.find("Identifiant : (\\S+)");
        assertThat(identifiant).startsWith("e" + elodie.surname().toLowerCase());
        assertThat(invitation.text()).contains("Bonjour Élodie").doesNotContain(elodie.numen());

        browser.driver().get(invitation.find("(https://\\S+/activation\\?jeton=\\S+)"));
        identify(browser, identifiant, elodie.numen());
        browser.waitFor("#envoi");
        assertThat(browser.driver().getPageSource()).contains("i***@example.org").doesNotContain(elodie.recovery());
        browser.find("#envoi\\:envoyer").click();
        browser.waitFor("#verification\\:code");
        String code = Mailboxes.await(elodie.recovery(), subject -> subject.startsWith("Votre code d’activation"), MAIL_WAIT)
                .find("code d’activation : (\\d{6})");
        browser.type("#verification\\:code", code);
        browser.submit("#verification\\:valider");

        browser.waitFor("#motdepasse\\:motDePasse");
        assertThat(browser.find("#motdepasse\\:adresseDeSecours").getAttribute("value")).isEqualTo(elodie.recovery());
        choosePassword(browser, NEW_PASSWORD);
        browser.waitFor("#activation-terminee");

        Mailboxes.Mail welcome = Mailboxes.await(identifiantAddress(invitation), "Bienvenue sur votre messagerie académique"::equals, MAIL_WAIT);
        assertThat(welcome.text()).contains("Réception (IMAP) : 127.0.0.1, port " + ItSettings.imapsPort() + ", SSL/TLS",
                "Identifiant : " + identifiant, "/appareils");

        browser.logIn(identifiant, NEW_PASSWORD);
        browser.waitForPath("/compte");
        assertThat(browser.text("#nom")).isEqualTo("Élodie " + elodie.surname());
        assertThat(browser.text("#etat")).isEqualTo("Actif");
        assertThat(browser.text("#etablissement")).contains("Collège Jules Verne");
        assertThat(browser.text("#roles")).contains("Agent");
    }

    @Test
    void aHomonymGetsANumberedIdentifiantAndAddress() {
        Mailboxes.Mail invitation = Mailboxes.await(jean.recovery(), INVITATION::equals, MAIL_WAIT);

        assertThat(invitation.find("Identifiant : (\\S+)")).matches("jdupont([3-9]|[1-9]\\d)");
        assertThat(invitation.find("Adresse académique : (\\S+)")).matches("jean\\.dupont([2-9]|[1-9]\\d)@ac-amiens\\.fr");
    }

    @Test
    void theCodeCanComeBySmsToTheMobileOnFile(Browser browser) {
        Mailboxes.Mail invitation = Mailboxes.await(noe.recovery(), INVITATION::equals, MAIL_WAIT);
        String identifiant = invitation.find("Identifiant : (\\S+)");
        browser.open("/activation");
        identify(browser, invitation.find("Adresse académique : (\\S+)"), noe.numen()); // the address works too
        browser.waitFor("#envoi");
        String lastDigits = noe.mobile().substring(noe.mobile().length() - 2);
        assertThat(browser.driver().getPageSource()).contains("06 ** ** ** " + lastDigits);

        browser.driver().findElement(By.cssSelector("label[for='envoi:canal:1']")).click();
        browser.find("#envoi\\:envoyer").click();
        browser.waitFor("#verification\\:code");
        String smsBox = "33" + noe.mobile().replace(" ", "").substring(1) + "@sms.sesame.test";
        String code = Mailboxes.await(smsBox, "SMS"::equals, MAIL_WAIT).find("est (\\d{6})");
        browser.type("#verification\\:code", code);
        browser.submit("#verification\\:valider");

        browser.waitFor("#motdepasse\\:motDePasse");
        choosePassword(browser, NEW_PASSWORD);
        browser.waitFor("#activation-terminee");
        browser.logIn(identifiant, NEW_PASSWORD);
        browser.waitForPath("/compte");
    }

    @Test
    void aWeakPasswordIsExplainedAndNothingIsActivated(Browser browser) {
        reachThePasswordStep(browser, marc);
        browser.type("#motdepasse\\:motDePasse", "Marc2026!");
        browser.waitForText("#motdepasse\\:regles", "Au moins 12 caractères");
        browser.type("#motdepasse\\:confirmation", "Marc2026!");
        acceptCharter(browser);
        browser.submit("#motdepasse\\:activer");

        browser.waitForText("#motdepasse\\:motDePasse-erreur", "Au moins 12 caractères");
        assertThat(browser.text("#motdepasse\\:motDePasse-erreur")).contains("Sans votre prénom ni votre nom");
        assertThat(browser.findAll("#activation-terminee")).isEmpty();

        browser.type("#motdepasse\\:motDePasse", NEW_PASSWORD);
        browser.type("#motdepasse\\:confirmation", NEW_PASSWORD);
        acceptCharter(browser);
        // An impatient double click: whichever answer the browser shows, it is not an error.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "var b = document.getElementById('motdepasse:activer'); b.click(); b.click();");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> !browser.findAll("#activation-terminee, #deja-active").isEmpty());
        assertThat(browser.findAll("#messages .ui-messages-error")).isEmpty();
    }

    @Test
    void aWrongPairGetsOneMessageWhetherOrNotTheIdentifiantExists(Browser browser) {
        String identifiant = Mailboxes.await(clara.recovery(), INVITATION::equals, MAIL_WAIT).find("Identifiant : (\\S+)");
        browser.open("/activation");

        identify(browser, identifiant, HrFile.newNumen());
        browser.waitFor("#messages .ui-messages-error");
        String wrongNumen = browser.text("#messages");
        identify(browser, "personne-" + HrFile.randomLetters(6), HrFile.newNumen());
        browser.waitFor("#messages .ui-messages-error");

        assertThat(browser.text("#messages")).isEqualTo(wrongNumen).contains("ne permettent pas d’activer un compte");
        identify(browser, identifiant, "20E15");
        browser.waitForText("#identite\\:numen-erreur", "13 caractères");
        identify(browser, "*)(uid=*", "20E1501234ABC");
        browser.waitForText("#messages", "ne permettent pas d’activer un compte");
        browser.assertNoTechnicalDetail();
    }

    @Test
    void threeWrongCodesSendTheAgentBackToStepOne(Browser browser) {
        Mailboxes.Mail invitation = Mailboxes.await(hugo.recovery(), INVITATION::equals, MAIL_WAIT);
        browser.open("/activation");
        identify(browser, invitation.find("Identifiant : (\\S+)"), hugo.numen());
        browser.waitFor("#envoi");
        browser.find("#envoi\\:envoyer").click();
        browser.waitFor("#verification\\:code");
        String rightCode = Mailboxes.await(hugo.recovery(), subject -> subject.startsWith("Votre code"), MAIL_WAIT)
                .find("code d’activation : (\\d{6})");
        String wrong = rightCode.equals("000000") ? "111111" : "000000";

        enterCode(browser, wrong);
        browser.waitForText("#verification\\:code-erreur", "Il vous reste 2 essai(s)");
        enterCode(browser, wrong);
        browser.waitForText("#verification\\:code-erreur", "Il vous reste 1 essai(s)");
        enterCode(browser, wrong);

        browser.waitFor("#identite\\:identifiant");
        assertThat(browser.text("#messages")).contains("Trop d’erreurs sur le code");
    }

    @Test
    void fiveWrongNumensLockTheIdentifiantForAWhile(Browser browser) {
        String identifiant = Mailboxes.await(ines.recovery(), INVITATION::equals, MAIL_WAIT).find("Identifiant : (\\S+)");
        browser.open("/activation");
        for (int attempt = 0; attempt < 5; attempt++) {
            identify(browser, identifiant, HrFile.newNumen());
            browser.waitForText("#messages", "ne permettent pas");
        }

        browser.actAsNewClient(); // even from another address, the identifiant is locked
        browser.open("/activation");
        identify(browser, identifiant, ines.numen());

        browser.waitForText("#messages", "Trop de tentatives en peu de temps");
        assertThat(browser.text("#messages")).contains("15 minute");
        assertThat(browser.findAll("#envoi")).isEmpty();
    }

    @Test
    void anExpiredLinkSaysSoAndSendsANewOneToTheAddressOnFile(Browser browser) {
        Mailboxes.Mail invitation = Mailboxes.await(clara.recovery(), INVITATION::equals, MAIL_WAIT);
        String identifiant = invitation.find("Identifiant : (\\S+)");
        ItDatabase.update("update invitation set created_at = ?, expires_at = ? where identifiant = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(40), OffsetDateTime.now(ZoneOffset.UTC).minusDays(10), identifiant);

        browser.driver().get(invitation.find("(https://\\S+/activation\\?jeton=\\S+)"));
        browser.waitFor("#lien-expire");
        assertThat(browser.text("#lien-expire")).contains("Ce lien d’activation a expiré");
        browser.find("#renouvellement\\:renouveler").click();

        browser.waitFor("#lien-renouvele");
        Mailboxes.Mail renewed = Mailboxes.await(clara.recovery(),
                subject -> INVITATION.equals(subject) && Mailboxes.count(clara.recovery(), INVITATION::equals) >= 2, MAIL_WAIT);
        String newLink = renewed.find("(https://\\S+/activation\\?jeton=\\S+)");
        assertThat(newLink).isNotEqualTo(invitation.find("(https://\\S+/activation\\?jeton=\\S+)"));
        browser.driver().get(newLink);
        browser.waitFor("#identite\\:identifiant");
        browser.driver().get(invitation.find("(https://\\S+/activation\\?jeton=\\S+)"));
        browser.waitFor("#lien-remplace");
    }

    /** A pending agent in the directory, as the HR import leaves one, with no invitation of its own. */
    private static String pendingAgent(String numen) {
        String identifiant = TestAgents.newIdentifiant("sans-lien-");
        var entry = TestAgents.active(identifiant, null, identifiant + "@perso.example.org", null, numen);
        entry.setAttribute("sesameAccountState", "pending");
        TestAgents.addFromTests(entry);
        return identifiant;
    }

    /**
     * Opening /activation without any link (typed from memory, or read on a poster) with the right
     * identifiant and NUMEN: the page says what is true, never that a link expired when none was used.
     */
    @Test
    void withoutALinkThePageSaysWhetherTheInvitationExpiredOrWasNeverSent(Browser browser) {
        String numen = HrFile.newNumen();
        String never = pendingAgent(numen);
        browser.open("/activation");
        identify(browser, never, numen);
        browser.waitFor("#sans-invitation");
        assertThat(browser.text("#sans-invitation")).contains("Aucune invitation n’a encore été envoyée")
                .doesNotContain("lien d’activation a expiré");
        browser.submit("#renouvellement\\:renouveler");
        browser.waitFor("#lien-renouvele");
        Mailboxes.await(never + "@perso.example.org", INVITATION::equals, MAIL_WAIT);

        String otherNumen = HrFile.newNumen();
        String late = pendingAgent(otherNumen);
        ItDatabase.update("insert into invitation (identifiant, token_hash, created_at, expires_at) values (?, ?, ?, ?)",
                late, HrFile.randomLetters(43), OffsetDateTime.now(ZoneOffset.UTC).minusDays(40),
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(10));
        browser.open("/activation");
        identify(browser, late, otherNumen);
        browser.waitFor("#invitation-expiree");
        assertThat(browser.text("#invitation-expiree")).contains("Votre invitation à activer le compte a expiré")
                .doesNotContain("Ce lien");
        assertThat(browser.findAll("#lien-expire, #sans-invitation")).isEmpty();
    }

    @Test
    void anActiveAgentIsSentToLogin(Browser browser) {
        browser.open("/activation");
        identify(browser, "cmartin", "20E 1501234 cma");

        browser.waitFor("#deja-active");
        assertThat(browser.text("#deja-active")).contains("Votre compte est déjà activé");
    }

    @Test
    void anUnknownLinkIsExplained(Browser browser) {
        browser.open("/activation?jeton=" + HrFile.randomLetters(43));

        browser.waitFor("#lien-inconnu");
    }

    /**
     * A recovery address typed at step 3 instead of the one the code went to is not stored unproven: the
     * account is activated with the proven one, and the typed one replaces it only once its link is
     * followed. The academic address itself is refused.
     */
    @Test
    void aRecoveryAddressTypedAtActivationWaitsForItsOwnLink(Browser browser) {
        String identifiant = Mailboxes.await(lea.recovery(), INVITATION::equals, MAIL_WAIT).find("Identifiant : (\\S+)");
        reachThePasswordStep(browser, lea);
        browser.type("#motdepasse\\:adresseDeSecours", identifiant + "@ac-amiens.fr");
        choosePassword(browser, NEW_PASSWORD);
        browser.waitFor("#motdepasse\\:adresseDeSecours-erreur");
        assertThat(browser.text("#motdepasse\\:adresseDeSecours-erreur")).contains("adresse personnelle");

        String typed = "lea." + HrFile.randomLetters(6) + "@perso.example.net";
        browser.type("#motdepasse\\:adresseDeSecours", typed);
        choosePassword(browser, NEW_PASSWORD);
        browser.waitFor("#activation-terminee");
        assertThat(browser.text("#adresse-a-confirmer")).contains(typed);

        browser.logIn(identifiant, NEW_PASSWORD);
        browser.waitForPath("/compte");
        assertThat(browser.text("#adresse-de-secours")).contains(lea.recovery()).doesNotContain(typed);

        Mailboxes.Mail confirmation = Mailboxes.await(typed, "Confirmez votre adresse de secours"::equals, MAIL_WAIT);
        browser.driver().get(confirmation.find("(https://\\S+/adresse-de-secours\\?jeton=\\S+)"));
        browser.submit("#confirmation\\:confirmer");
        assertThat(browser.text("#adresse-confirmee")).contains(typed);
        browser.open("/compte");
        assertThat(browser.text("#adresse-de-secours")).contains(typed);
        Mailboxes.await(lea.recovery(), "Votre adresse de secours a été changée"::equals, MAIL_WAIT);
    }

    static void identify(Browser browser, String login, String numen) {
        browser.type("#identite\\:identifiant", login);
        browser.type("#identite\\:numen", numen);
        browser.submit("#identite\\:continuer");
    }

    static void enterCode(Browser browser, String code) {
        browser.type("#verification\\:code", code);
        browser.submit("#verification\\:valider");
    }

    private void reachThePasswordStep(Browser browser, HrFile.Agent agent) {
        Mailboxes.Mail invitation = Mailboxes.await(agent.recovery(), INVITATION::equals, MAIL_WAIT);
        browser.open("/activation");
        identify(browser, invitation.find("Identifiant : (\\S+)"), agent.numen());
        browser.waitFor("#envoi");
        browser.find("#envoi\\:envoyer").click();
        browser.waitFor("#verification\\:code");
        enterCode(browser, Mailboxes.await(agent.recovery(), subject -> subject.startsWith("Votre code"), MAIL_WAIT)
                .find("code d’activation : (\\d{6})"));
        browser.waitFor("#motdepasse\\:motDePasse");
    }

    static void choosePassword(Browser browser, String password) {
        browser.type("#motdepasse\\:motDePasse", password);
        browser.type("#motdepasse\\:confirmation", password);
        acceptCharter(browser);
        browser.submit("#motdepasse\\:activer");
    }

    static void acceptCharter(Browser browser) {
        // From the keyboard, as Browser.submit presses its buttons: the live check of the password redraws
        // the rules above the box 300 ms after the last key, and a mouse click aimed at where the box was
        // lands beside it (the charter then stayed refused, one run in a few dozen).
        if (!browser.find("#motdepasse\\:charte").isSelected()) {
            browser.find("#motdepasse\\:charte").sendKeys(org.openqa.selenium.Keys.SPACE);
        }
    }

    private static String identifiantAddress(Mailboxes.Mail invitation) {
        return invitation.find("Adresse académique : (\\S+)");
    }
}
