package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password lifecycle in the browser: the forgotten password with the link read over IMAP, the
 * change of a logged-in agent, the change forced once the password has expired.
 */
@ExtendWith(Browser.class)
class PasswordIT {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    private static final String FIRST = "Cahier-Rouge-Du-Lundi-7";
    private static final String SECOND = "Tableau-Vert-Du-Mardi-8";
    private static final String THIRD = "Craie-Bleue-Du-Jeudi-9";
    private static final String RESET_SUBJECT = "Réinitialisation de votre mot de passe";
    private static final String CHANGED_SUBJECT = "Votre mot de passe a été modifié";
    private static final String GENERIC_ANSWER = "Si ces informations correspondent à un compte, un lien a été envoyé";

    /** An active agent with a password set 20 days ago, a NUMEN and (unless null) a recovery address. */
    private record TestAgent(String identifiant, String numen, String recovery) {
    }

    private static TestAgent newAgent(String prefix, Instant passwordChangedAt, boolean withRecovery) {
        String identifiant = TestAgents.newIdentifiant(prefix);
        String numen = HrFile.newNumen();
        String recovery = withRecovery ? identifiant + "@perso.example.org" : null;
        TestAgents.addFromTests(TestAgents.active(identifiant, passwordChangedAt, recovery, FIRST, numen));
        return new TestAgent(identifiant, numen, recovery);
    }

    private static TestAgent newAgent(String prefix) {
        return newAgent(prefix, Instant.now().minus(Duration.ofDays(20)), true);
    }

    static void requestReset(Browser browser, String login, String numen) {
        browser.open("/mot-de-passe-oublie");
        browser.type("#demande\\:identifiant", login);
        browser.type("#demande\\:numen", numen);
        browser.submit("#demande\\:envoyer");
    }

    private static String resetLink(TestAgent agent) {
        return Mailboxes.await(agent.recovery(), RESET_SUBJECT::equals, MAIL_WAIT).find("(https://\\S+jeton=\\S+)");
    }

    private static void choosePassword(Browser browser, String password, String confirmation) {
        browser.type("#nouveau\\:motDePasse", password);
        browser.type("#nouveau\\:confirmation", confirmation);
        browser.submit("#nouveau\\:enregistrer");
    }

    private static void changePassword(Browser browser, String current, String password) {
        browser.open("/compte/mot-de-passe");
        browser.type("#changement\\:actuel", current);
        browser.type("#changement\\:motDePasse", password);
        browser.type("#changement\\:confirmation", password);
        browser.submit("#changement\\:changer");
    }

    @Test
    void aForgottenPasswordIsResetThroughTheLinkSentToTheRecoveryAddress(Browser browser) {
        TestAgent agent = newAgent("reset-");
        requestReset(browser, agent.identifiant(), agent.numen());
        assertThat(browser.text("#demande-envoyee")).contains(GENERIC_ANSWER).contains("60 minutes");

        String link = resetLink(agent);
        browser.driver().get(link);
        browser.waitFor("#nouveau\\:motDePasse");
        choosePassword(browser, SECOND, SECOND);
        assertThat(browser.text("#mot-de-passe-reinitialise")).contains("Votre mot de passe est changé");

        Mailboxes.await(agent.recovery(), CHANGED_SUBJECT::equals, MAIL_WAIT);
        Mailboxes.await(TestAgents.academicAddress(agent.identifiant()), CHANGED_SUBJECT::equals, MAIL_WAIT);

        browser.logIn(agent.identifiant(), FIRST);
        assertThat(browser.text("#messages")).contains("Identifiant ou mot de passe incorrect");
        browser.logIn(agent.identifiant(), SECOND);
        browser.waitForPath("/compte");

        // The link worked once.
        browser.driver().get(link);
        browser.waitFor("#lien-used");
        assertThat(browser.find("#nouvelle-demande").getAttribute("href")).endsWith("/mot-de-passe-oublie");
    }

    @Test
    void theAnswerIsTheSameForAWrongNumenAndAnUnknownIdentifiantAndNothingIsSent(Browser browser) {
        TestAgent agent = newAgent("same-");
        requestReset(browser, agent.identifiant(), HrFile.newNumen());
        String wrongNumen = browser.text("#demande-envoyee");
        requestReset(browser, "personne-" + HrFile.randomLetters(8), HrFile.newNumen());
        String unknown = browser.text("#demande-envoyee");
        requestReset(browser, "*)(uid=*", HrFile.newNumen());
        String filterCharacters = browser.text("#demande-envoyee");
        requestReset(browser, agent.identifiant(), agent.numen());
        String right = browser.text("#demande-envoyee");

        assertThat(wrongNumen).isEqualTo(unknown).isEqualTo(filterCharacters).isEqualTo(right).contains(GENERIC_ANSWER);
        Mailboxes.await(agent.recovery(), RESET_SUBJECT::equals, MAIL_WAIT);
        assertThat(Mailboxes.count(agent.recovery(), RESET_SUBJECT::equals)).isEqualTo(1);
        browser.assertNoTechnicalDetail();
    }

    @Test
    void anExpiredLinkSaysSoAndOffersANewRequest(Browser browser) {
        TestAgent agent = newAgent("expired-");
        requestReset(browser, agent.identifiant(), agent.numen());
        String link = resetLink(agent);
        ItDatabase.update("update password_reset set expires_at = ? where identifiant = ?",
                java.time.OffsetDateTime.now().minusMinutes(1), agent.identifiant());

        browser.driver().get(link);
        browser.waitFor("#lien-expired");
        assertThat(browser.text("#lien-inutilisable")).contains("Ce lien a expiré");
        browser.find("#nouvelle-demande").click();
        browser.waitFor("#demande\\:identifiant");
    }

    @Test
    void aNewerRequestReplacesTheEarlierLink(Browser browser) {
        TestAgent agent = newAgent("newer-");
        requestReset(browser, agent.identifiant(), agent.numen());
        String first = resetLink(agent);
        requestReset(browser, agent.identifiant(), agent.numen());
        Mailboxes.await(agent.recovery(), RESET_SUBJECT::equals, MAIL_WAIT);
        String second = waitForSecondLink(agent, first);

        browser.driver().get(first);
        browser.waitFor("#lien-replaced");
        browser.driver().get(second);
        browser.waitFor("#nouveau\\:motDePasse");
    }

    private static String waitForSecondLink(TestAgent agent, String first) {
        Instant end = Instant.now().plus(MAIL_WAIT);
        while (Instant.now().isBefore(end)) {
            String latest = resetLink(agent);
            if (!latest.equals(first)) {
                return latest;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No second reset link for " + agent.identifiant());
    }

    @Test
    void anUnknownOrTruncatedLinkIsRefusedPolitely(Browser browser) {
        browser.open("/mot-de-passe-oublie?jeton=" + "a".repeat(43));
        browser.waitFor("#lien-unknown");
        browser.open("/mot-de-passe-oublie?jeton=" + "%27%3Cscript%3E".repeat(500));
        browser.waitFor("#lien-unknown");
        browser.assertNoTechnicalDetail();
    }

    @Test
    void theNewPasswordMeetsThePolicyAndIsNotARecentOne(Browser browser) {
        TestAgent agent = newAgent("policy-");
        requestReset(browser, agent.identifiant(), agent.numen());
        browser.driver().get(resetLink(agent));
        browser.waitFor("#nouveau\\:motDePasse");

        choosePassword(browser, "motdepasse", "motdepasse");
        assertThat(browser.text("#nouveau\\:motDePasse-erreur"))
                .contains("Au moins 12 caractères", "Au moins une lettre majuscule", "Au moins un chiffre");
        choosePassword(browser, SECOND, THIRD);
        assertThat(browser.text("#nouveau\\:confirmation-erreur")).isNotBlank();
        choosePassword(browser, agent.identifiant() + "-Xy-2026!", agent.identifiant() + "-Xy-2026!");
        assertThat(browser.text("#nouveau\\:motDePasse-erreur")).contains("Sans votre identifiant");

        choosePassword(browser, SECOND, SECOND);
        browser.waitFor("#mot-de-passe-reinitialise");

        // Logged in, the same password again is refused: it is in the history now.
        browser.logIn(agent.identifiant(), SECOND);
        browser.waitForPath("/compte");
        changePassword(browser, SECOND, SECOND);
        assertThat(browser.text("#changement\\:motDePasse-erreur")).contains("Différent de vos derniers mots de passe");
        changePassword(browser, SECOND, THIRD);
        browser.waitFor("#mot-de-passe-modifie");
        changePassword(browser, THIRD, SECOND);
        assertThat(browser.text("#changement\\:motDePasse-erreur")).contains("Différent de vos derniers mots de passe");
    }

    @Test
    void withoutARecoveryAddressTheAgentIsSentToTheReferentOrTheHotline(Browser browser) {
        TestAgent agent = newAgent("norec-", Instant.now().minus(Duration.ofDays(3)), false);
        requestReset(browser, agent.identifiant(), agent.numen());
        assertThat(browser.text("#sans-adresse-de-secours"))
                .contains("Aucune adresse de secours", "hotline");
    }

    @Test
    void aLoggedInAgentChangesThePasswordAndIsToldByEMail(Browser browser) {
        TestAgent agent = newAgent("change-");
        browser.logIn(agent.identifiant(), FIRST);
        browser.waitForPath("/compte");
        assertThat(browser.text("#mot-de-passe-expire-le")).contains("dans 160 jour(s)");
        browser.find("#changer-mot-de-passe").click();
        browser.waitForPath("/compte/mot-de-passe");

        changePassword(browser, "Pas-Le-Bon-Mot-2026", SECOND);
        assertThat(browser.text("#changement\\:actuel-erreur")).contains("Ce n’est pas votre mot de passe actuel");

        changePassword(browser, FIRST, SECOND);
        browser.waitFor("#mot-de-passe-modifie");
        Mailboxes.Mail notice = Mailboxes.await(TestAgents.academicAddress(agent.identifiant()), CHANGED_SUBJECT::equals, MAIL_WAIT);
        assertThat(notice.text()).contains("Ce n’est pas vous ?", "/mot-de-passe-oublie");
        Mailboxes.await(agent.recovery(), CHANGED_SUBJECT::equals, MAIL_WAIT);

        browser.open("/compte");
        assertThat(browser.text("#mot-de-passe-expire-le")).contains("dans 180 jour(s)");
        browser.logIn(agent.identifiant(), SECOND);
        browser.waitForPath("/compte");
    }

    @Test
    void anExpiredPasswordLeadsToTheChangePageBeforeAnythingElse(Browser browser) {
        // A directory that lets an expired password in: the embedded one, or OpenLDAP with grace logins.
        String identifiant = TestAgents.newIdentifiant("old-");
        var entry = TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(200)),
                identifiant + "@perso.example.org", FIRST, HrFile.newNumen());
        if (TestDirectory.isOpenLdap()) {
            entry.addAttribute("pwdPolicySubentry", "cn=grace,ou=policies,dc=ac-amiens,dc=fr");
        }
        TestAgents.addFromTests(entry);
        TestAgent agent = new TestAgent(identifiant, entry.getAttributeValue("employeeNumber"), identifiant + "@perso.example.org");
        browser.logIn(agent.identifiant(), FIRST);
        browser.waitForPath("/compte/mot-de-passe");
        assertThat(browser.text("#mot-de-passe-expire")).contains("plus de six mois");

        browser.open("/compte");
        browser.waitForPath("/compte/mot-de-passe");
        browser.open("/");
        browser.waitForPath("/compte/mot-de-passe");

        changePassword(browser, FIRST, SECOND);
        browser.waitFor("#mot-de-passe-modifie");
        browser.open("/compte");
        browser.waitForPath("/compte");
        assertThat(browser.text("#mot-de-passe-expire-le")).contains("dans 180 jour(s)");
    }
}
