package fr.sesame.it;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor login in a real browser: an agent enrols from "Mon compte" with the key a person would type
 * into an app (the test computes the codes from it, as the phone does), logs in with a code, a code is
 * not accepted twice, a recovery code opens once, wrong codes end the login like wrong passwords, staff
 * enrol before anything else, and a lost phone is reset by the hotline or with the lost-device report.
 */
@ExtendWith(Browser.class)
class SecondFactorIT {

    private static final String PASSWORD = "Cahier-Rouge-Du-Lundi-7";
    private static final Duration MAIL_WAIT = Duration.ofSeconds(45);

    private static String newAgent(String prefix) {
        String identifiant = TestAgents.newIdentifiant(prefix);
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(3)),
                identifiant + "@perso.example.org", PASSWORD, HrFile.newNumen()));
        return identifiant;
    }

    /** Logs in and turns the second factor on; returns the recovery codes shown. */
    private static List<String> enrolled(Browser browser, String identifiant) {
        browser.logIn(identifiant, PASSWORD);
        browser.waitForPath("/compte");
        assertThat(browser.text("#double-authentification")).contains("Désactivée");
        browser.open("/compte/double-authentification");
        assertThat(browser.text("#etat-double-authentification")).contains("n’est pas activée");
        browser.submit("#activation\\:activer");
        assertThat(browser.findAll("svg.qr")).hasSize(1);
        assertThat(browser.text("#cle").replace(" ", "")).matches("[A-Z2-7]{32}");
        // A wrong first code turns nothing on.
        browser.type("#confirmation\\:code", SecondFactors.wrongCodeFor(browser.text("#cle"), 0));
        browser.submit("#confirmation\\:confirmer");
        assertThat(browser.text("#confirmation\\:code-erreur")).contains("n’est pas le bon");

        List<String> codes = browser.enrol(identifiant);
        assertThat(codes).hasSize(10).allSatisfy(code -> assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
        assertThat(codes).doesNotHaveDuplicates();
        browser.submit("#continuer");
        browser.waitForPath("/compte");
        assertThat(browser.text("#double-authentification")).contains("Activée");
        browser.submit("#deconnexion\\:logout");
        return codes;
    }

    @Test
    void anAgentEnrolsThenLogsInWithTheAppsCodeWhichServesOnce(Browser browser) {
        String identifiant = newAgent("totp-");
        enrolled(browser, identifiant);
        Mailboxes.await(TestAgents.academicAddress(identifiant), "Double authentification activée"::equals, MAIL_WAIT);

        browser.logInWithPasswordOnly(identifiant, PASSWORD);
        assertThat(browser.path()).isEqualTo("/connexion/code");
        // Nothing opens before the code: the account page sends back to the code step.
        browser.open("/compte");
        assertThat(browser.path()).isEqualTo("/connexion/code");
        String code = SecondFactors.nextCode(identifiant);
        browser.type("#saisie\\:code", code);
        browser.submit("#saisie\\:valider");
        assertThat(browser.path()).isEqualTo("/compte");
        assertThat(browser.text("#identifiant")).isEqualTo(identifiant);
        browser.submit("#deconnexion\\:logout");

        // The same code, seen over a shoulder and typed again within its 30 seconds, is refused.
        browser.logInWithPasswordOnly(identifiant, PASSWORD);
        browser.type("#saisie\\:code", code);
        browser.submit("#saisie\\:valider");
        assertThat(browser.path()).isEqualTo("/connexion/code");
        assertThat(browser.text("#saisie\\:code-erreur")).contains("déjà servi");
        browser.type("#saisie\\:code", SecondFactors.nextCode(identifiant));
        browser.submit("#saisie\\:valider");
        assertThat(browser.path()).isEqualTo("/compte");
        browser.assertNoTechnicalDetail();
    }

    @Test
    void aRecoveryCodeOpensOneLoginAndOnlyOne(Browser browser) {
        String identifiant = newAgent("secours-");
        String recoveryCode = enrolled(browser, identifiant).get(3);

        browser.logInWithPasswordOnly(identifiant, PASSWORD);
        browser.type("#saisie\\:code", recoveryCode.toLowerCase(java.util.Locale.ROOT));
        browser.submit("#saisie\\:valider");
        assertThat(browser.path()).isEqualTo("/compte/double-authentification");
        assertThat(browser.text("#code-de-secours-utilise")).contains("Il vous en reste 9");
        browser.submit("#deconnexion\\:logout");

        browser.logInWithPasswordOnly(identifiant, PASSWORD);
        browser.type("#saisie\\:code", recoveryCode);
        browser.submit("#saisie\\:valider");
        assertThat(browser.path()).isEqualTo("/connexion/code");
        assertThat(browser.text("#saisie\\:code-erreur")).contains("n’est pas le bon");
    }

    @Test
    void wrongCodesEndTheLoginLikeWrongPasswords(Browser browser) {
        String identifiant = newAgent("faux-");
        enrolled(browser, identifiant);

        browser.logInWithPasswordOnly(identifiant, PASSWORD);
        // The password counted one attempt (given back only with the right code): four wrong codes make five.
        for (int i = 1; i <= 3; i++) {
            browser.type("#saisie\\:code", SecondFactors.wrongCode(identifiant, 123450 + i));
            browser.submit("#saisie\\:valider");
            assertThat(browser.path()).isEqualTo("/connexion/code");
        }
        browser.type("#saisie\\:code", SecondFactors.wrongCode(identifiant, 123450));
        browser.submit("#saisie\\:valider");
        assertThat(browser.path()).isEqualTo("/connexion");
        assertThat(browser.text("#refus")).contains("Trop de codes erronés");
        // The login ended: the account page asks for a login again.
        browser.open("/compte");
        assertThat(browser.path()).isEqualTo("/connexion");

        // The account now asks for the challenge with the password, as after wrong passwords.
        browser.logInWithPasswordOnly(identifiant, PASSWORD);
        assertThat(browser.path()).isEqualTo("/connexion");
        assertThat(browser.text("#messages")).contains("Je ne suis pas un robot");
    }

    @Test
    void staffEnrolBeforeReachingAnyStaffPageAndCannotTurnItOff(Browser browser) throws Exception {
        String identifiant = newAgent("staff-");
        try (LDAPConnection connection = TestAgents.managerConnection()) {
            connection.modify("cn=sesame-hotline,ou=groups,dc=ac-amiens,dc=fr",
                    new Modification(ModificationType.ADD, "member", "uid=" + identifiant + "," + TestAgents.PEOPLE_DN));
        }

        browser.logInWithPasswordOnly(identifiant, PASSWORD);
        assertThat(browser.path()).isEqualTo("/compte/double-authentification");
        assertThat(browser.text("#inscription-requise")).contains("Votre rôle demande la double authentification");
        for (String page : List.of("/hotline/verrous", "/compte", "/support/demandes", "/compte/adresse-de-secours")) {
            browser.open(page);
            assertThat(browser.path()).as(page).isEqualTo("/compte/double-authentification");
        }
        // Not by another address of the same page either.
        HttpResponse<String> other = Https.send(HttpRequest.newBuilder(ItSettings.url("/faces/hotline/verrous.xhtml"))
                .header("Cookie", browser.cookieHeader()).build());
        assertThat(other.statusCode()).isIn(400, 403, 404);

        browser.enrol(identifiant);
        browser.submit("#continuer");
        browser.waitForPath("/compte");
        browser.open("/hotline/verrous");
        assertThat(browser.path()).isEqualTo("/hotline/verrous");
        browser.open("/compte/double-authentification");
        assertThat(browser.findAll("#gestion\\:desactiver")).isEmpty();
        assertThat(browser.text("#obligatoire")).contains("reste activée");
        browser.submit("#deconnexion\\:logout");

        // The next login asks for the code, not for an enrolment.
        browser.logInWithPasswordOnly(identifiant, PASSWORD);
        assertThat(browser.path()).isEqualTo("/connexion/code");
    }

    @Test
    void anAgentTurnsItOffWithACurrentCode(Browser browser) {
        String identifiant = newAgent("off-");
        enrolled(browser, identifiant);
        browser.logIn(identifiant, PASSWORD);
        browser.open("/compte/double-authentification");
        browser.type("#gestion\\:code", SecondFactors.wrongCode(identifiant, 999999));
        browser.submit("#gestion\\:desactiver");
        assertThat(browser.text("#gestion\\:code-erreur")).contains("n’est pas le bon");
        browser.type("#gestion\\:code", SecondFactors.nextCode(identifiant));
        browser.submit("#gestion\\:desactiver");
        assertThat(browser.text("#messages")).contains("désactivée");
        SecondFactors.forget(identifiant);
        browser.submit("#deconnexion\\:logout");

        browser.logIn(identifiant, PASSWORD);
        assertThat(browser.path()).isEqualTo("/compte");
    }

    @Test
    void theHotlineResetsALostPhoneOnlyOnceTheIdentityIsChecked(Browser browser) {
        String identifiant = newAgent("perte-");
        enrolled(browser, identifiant);

        browser.logIn("hotline1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/hotline/verrous");
        browser.type("#recherche\\:q", identifiant);
        browser.submit("#recherche\\:chercher");
        assertThat(browser.text("#avec-double-authentification")).contains("activée");
        browser.submit("#double-authentification\\:reinitialiser");
        assertThat(browser.text("#double-authentification\\:identite-verifiee-erreur")).contains("Vérifiez d’abord");
        browser.find("label[for='double-authentification:identite-verifiee']").click();
        browser.submit("#double-authentification\\:reinitialiser");
        assertThat(browser.text("#messages")).contains("réinitialisée");
        assertThat(browser.text("#sans-double-authentification")).contains("Pas de double authentification");
        browser.submit("#deconnexion\\:logout");
        SecondFactors.forget(identifiant);

        Mailboxes.await(TestAgents.academicAddress(identifiant), "Double authentification réinitialisée"::equals, MAIL_WAIT);
        browser.logIn(identifiant, PASSWORD);
        assertThat(browser.path()).isEqualTo("/compte");
    }

    @Test
    void theLostDeviceReportOffersToResetIt(Browser browser) {
        String identifiant = newAgent("vol-");
        enrolled(browser, identifiant);

        browser.logIn(identifiant, PASSWORD);
        browser.open("/compte/securite");
        browser.find("label[for='signalement:nature:0']").click();
        browser.type("#signalement\\:description", "Téléphone volé dans le bus.");
        browser.find("label[for='signalement:reinitialiserDoubleAuthentification']").click();
        browser.find("label[for='signalement:reinitialiser']").click(); // no reset link this time
        browser.submit("#signalement\\:envoyer");
        assertThat(browser.text("#double-authentification-reinitialisee")).contains("réactivez-la");
        browser.submit("#deconnexion\\:logout");
        SecondFactors.forget(identifiant);

        browser.logIn(identifiant, PASSWORD);
        assertThat(browser.path()).isEqualTo("/compte");
        assertThat(browser.text("#double-authentification")).contains("Désactivée");
    }
}
