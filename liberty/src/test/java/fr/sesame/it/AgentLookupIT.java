package fr.sesame.it;

import com.unboundid.ldap.sdk.Entry;
import fr.sesame.security.SecretTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support's agent look-up in the browser: the search by name, address and exact NUMEN (never shown
 * back), hostile input, pages; one agent whole; each action confirmed and audited with the staff
 * member's identifiant; a référent reads their own school only; an agent is refused everywhere.
 */
@ExtendWith(Browser.class)
class AgentLookupIT {

    private static final String PASSWORD = "Cahier-Rouge-Du-Lundi-7";
    private static final Duration MAIL_WAIT = Duration.ofSeconds(45);
    private static final String RESET_SUBJECT = "Réinitialisation de votre mot de passe";

    /** An agent of the test school (referent1's) with a surname of their own. */
    private record TestAgent(String identifiant, String surname, String recovery, String numen) {

        String academicAddress() {
            return TestAgents.academicAddress(identifiant);
        }
    }

    private static TestAgent newAgent(String state, String uai) {
        return newAgent(state, uai, "Quenouille" + HrFile.randomLetters(6));
    }

    private static TestAgent newAgent(String state, String uai, String surname) {
        String identifiant = TestAgents.newIdentifiant("look-");
        String recovery = identifiant + "@perso.example.org";
        String numen = HrFile.newNumen();
        Entry entry = TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(10)), recovery, PASSWORD, numen);
        entry.setAttribute("givenName", "Hélène");
        entry.setAttribute("sn", surname);
        entry.setAttribute("cn", "Hélène " + surname);
        entry.setAttribute("displayName", "Hélène " + surname);
        entry.setAttribute("sesameAccountState", state);
        entry.setAttribute("sesameUai", uai);
        TestAgents.addFromTests(entry);
        return new TestAgent(identifiant, surname, recovery, numen);
    }

    private static void logInAs(Browser browser, String staff) {
        browser.driver().manage().deleteAllCookies();
        browser.logIn(staff, DEMO_PASSWORD);
        browser.waitForPath("/compte");
    }

    private static void search(Browser browser, String typed) {
        browser.open("/hotline/agents");
        browser.type("#recherche\\:q", typed);
        browser.submit("#recherche\\:chercher");
    }

    private static void openAgent(Browser browser, String identifiant) {
        browser.open("/hotline/agent?id=" + identifiant);
        browser.waitFor("#identite");
    }

    private static HttpResponse<String> account(String cookies) throws Exception {
        return Https.send(HttpRequest.newBuilder(ItSettings.url("/compte")).header("Cookie", cookies).build());
    }

    /** Who the audit trail says did this to the agent. */
    private static List<String> performedBy(String type, String identifiant) {
        return ItDatabase.texts("select performed_by from audit_event where type = ? and actor = ? order by id", type, identifiant);
    }

    @Test
    void theHotlineFindsAnAgentByNameByAddressAndByExactNumenWhichIsNeverShownBack(Browser browser) {
        TestAgent agent = newAgent("active", "0801234A");
        logInAs(browser, "hotline1");
        assertThat(browser.findAll("a[href='/hotline/agents']")).hasSize(1);

        search(browser, agent.surname());
        assertThat(browser.text("#recherche\\:resultats")).contains(agent.identifiant(), "Hélène " + agent.surname(), "0801234A", "Actif");

        search(browser, "hélène " + agent.surname().toLowerCase());
        assertThat(browser.text("#recherche\\:resultats")).contains(agent.identifiant());

        search(browser, agent.recovery());
        assertThat(browser.text("#recherche\\:resultats")).contains(agent.identifiant());
        search(browser, agent.academicAddress());
        assertThat(browser.text("#recherche\\:resultats")).contains(agent.identifiant());

        // The NUMEN as people type it, with spaces: compared by the directory, never written back.
        String typed = agent.numen().substring(0, 3) + " " + agent.numen().substring(3, 10) + " " + agent.numen().substring(10);
        search(browser, typed);
        assertThat(browser.text("#recherche\\:resultats")).contains(agent.identifiant());
        browser.waitFor("#numen-compare");
        assertThat(browser.find("#recherche\\:q").getAttribute("value")).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(agent.numen(), typed, agent.numen().substring(3, 10));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(agent.numen().substring(3, 10));
        // A NUMEN nobody holds finds nobody.
        search(browser, HrFile.newNumen());
        browser.waitFor("#aucun-agent");

        search(browser, agent.surname());
        browser.find("#recherche\\:resultats a.agent-link").click();
        browser.waitForPath("/hotline/agent");
        assertThat(browser.text("#agent")).contains(agent.identifiant());
    }

    @Test
    void hostileInputGivesCleanAnswers(Browser browser) {
        newAgent("active", "0801234A");
        logInAs(browser, "admin1");

        for (String typed : List.of("*)(uid=*", "*", "(|(uid=*))", "\\2a", "cmartin)(objectClass=*")) {
            search(browser, typed);
            if (typed.length() < 2) {
                assertThat(browser.text("#recherche\\:q-erreur")).as(typed).contains("au moins 2 caractères");
            } else {
                browser.waitFor("#aucun-agent");
            }
            browser.assertNoTechnicalDetail();
        }

        // Ten thousand characters, past the field's own limit as a script would send them.
        browser.open("/hotline/agents");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                browser.find("#recherche\\:q"), "é".repeat(10_000));
        browser.submit("#recherche\\:chercher");
        // The field keeps its own limit on the server too (PrimeFaces cuts what is past maxlength): a plain search.
        browser.waitFor("#aucun-agent");
        assertThat(browser.find("#recherche\\:q").getAttribute("value")).hasSizeLessThanOrEqualTo(100);
        browser.assertNoTechnicalDetail();

        search(browser, "un deux trois quatre cinq six");
        assertThat(browser.text("#recherche\\:q-erreur")).contains("Recherche trop longue");
        assertThat(browser.find("#recherche\\:q").getAttribute("aria-describedby")).contains("recherche:q-erreur");
        assertThat(browser.find("#recherche\\:q").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("label[for='recherche:q']").getText()).isNotBlank();
        browser.assertNoTechnicalDetail();

        search(browser, "   ");
        assertThat(browser.text("#recherche\\:q-erreur")).contains("Tapez un identifiant");
        search(browser, "Ñœ€ ✓ Zürich");
        browser.waitFor("#aucun-agent");
        browser.assertNoTechnicalDetail();
    }

    @Test
    void resultsComeAPageAtATimeWithPlainButtons(Browser browser) {
        String surname = "Paginette" + HrFile.randomLetters(6);
        for (int i = 0; i < 21; i++) {
            newAgent("active", "0801234A", surname);
        }
        logInAs(browser, "rssi1");

        search(browser, surname);
        assertThat(browser.findAll("#recherche\\:resultats tbody tr")).hasSize(20);
        assertThat(browser.text("#numero-de-page")).isEqualTo("Page 1");
        assertThat(browser.findAll("#recherche\\:precedente")).isEmpty();
        browser.submit("#recherche\\:suivante");
        assertThat(browser.findAll("#recherche\\:resultats tbody tr")).hasSize(1);
        assertThat(browser.text("#numero-de-page")).isEqualTo("Page 2");
        assertThat(browser.findAll("#recherche\\:suivante")).isEmpty();
        browser.submit("#recherche\\:precedente");
        assertThat(browser.findAll("#recherche\\:resultats tbody tr")).hasSize(20);
    }

    @Test
    void theAgentsPageShowsEverySection(Browser browser) {
        TestAgent agent = newAgent("active", "0801234A");
        logInAs(browser, "hotline1");
        openAgent(browser, agent.identifiant());

        assertThat(browser.text("#identite")).contains(agent.identifiant(), "Hélène " + agent.surname(), agent.academicAddress(),
                agent.recovery(), "0801234A");
        assertThat(browser.text("#etat-annuaire")).isEqualTo("Actif");
        assertThat(browser.text("#etat-sesame")).isEqualTo("Peut se connecter");
        assertThat(browser.text("#mot-de-passe-change")).matches(".*\\d{2}/\\d{2}/\\d{4}.*");
        assertThat(browser.text("#mot-de-passe-expire-le")).contains("jour");
        browser.waitFor("#pas-de-blocage");
        browser.waitFor("#sans-invitation");
        browser.waitFor("#sans-double-authentification");
        browser.waitFor("#sans-demande");
        assertThat(browser.findAll("#lien, #levee, #verrouillage")).as("the hotline's actions").hasSize(2);
        assertThat(browser.driver().getPageSource()).doesNotContain(agent.numen());
        browser.assertNoTechnicalDetail();

        browser.open("/hotline/agent?id=personne-" + HrFile.randomLetters(8));
        browser.waitFor("#agent-inconnu");
    }

    @Test
    void theHotlineLiftsTheLockOutsOnceConfirmed(Browser browser) {
        TestAgent agent = newAgent("active", "0801234A");
        ItDatabase.update("insert into attempt_counter (subject_hash, attempts, window_start, locked_until) values (?, 5, ?, ?)",
                SecretTokens.hash("LOGIN|identifiant|" + agent.identifiant()), OffsetDateTime.now(), OffsetDateTime.now().plusMinutes(15));
        logInAs(browser, "hotline1");
        openAgent(browser, agent.identifiant());
        assertThat(browser.text("#blocages")).contains("Connexion : trop d’échecs, jusqu’à");
        assertThat(browser.text("#etat-sesame")).contains("Bloqué après trop d’essais");

        // Not ticked: nothing done, said beside the box.
        browser.submit("#levee\\:lever");
        assertThat(browser.text("#levee\\:confirmer-erreur")).contains("Cochez la case");
        assertThat(browser.find("#levee\\:confirmer").getAttribute("aria-describedby")).isEqualTo("levee:confirmer-erreur");
        assertThat(performedBy("LOCK_LIFTED", agent.identifiant())).isEmpty();

        browser.find("#levee\\:confirmer").click();
        browser.submit("#levee\\:lever");
        assertThat(browser.text("#messages")).contains("Les blocages du compte " + agent.identifiant() + " sont levés");
        browser.waitFor("#pas-de-blocage");
        assertThat(performedBy("LOCK_LIFTED", agent.identifiant())).containsExactly("hotline1");
        assertThat(browser.text("#evenements")).contains("Blocage levé", "hotline1");
    }

    @Test
    void aResetLinkGoesToTheRecoveryAddressOnFile(Browser browser) {
        TestAgent agent = newAgent("active", "0801234A");
        logInAs(browser, "hotline1");
        openAgent(browser, agent.identifiant());
        assertThat(browser.findAll("#lien input[type='email'], #lien input[type='text']")).as("no address to type").isEmpty();

        browser.find("#lien\\:confirmer").click();
        browser.submit("#lien\\:envoyer");
        assertThat(browser.text("#messages")).contains("Un lien de réinitialisation part vers l’adresse de secours de " + agent.identifiant());
        Mailboxes.await(agent.recovery(), RESET_SUBJECT::equals, MAIL_WAIT);
        assertThat(performedBy("PASSWORD_RESET_LINK_SENT_BY_STAFF", agent.identifiant())).containsExactly("hotline1");

        openAgent(browser, agent.identifiant());
        assertThat(browser.text("#courriels")).contains("Lien de réinitialisation", "Courriel");
        assertThat(browser.driver().getPageSource()).doesNotContain("jeton=", "mot-de-passe-oublie?");
    }

    @Test
    void theRssiLocksAnAccountEndingItsSessionsThenUnlocksIt(Browser browser) throws Exception {
        TestAgent agent = newAgent("active", "0801234A");
        browser.logIn(agent.identifiant(), PASSWORD);
        browser.waitForPath("/compte");
        String agentSession = browser.cookieHeader();
        assertThat(account(agentSession).statusCode()).isEqualTo(200);

        logInAs(browser, "rssi1");
        openAgent(browser, agent.identifiant());
        browser.find("#verrouillage\\:confirmer").click();
        browser.submit("#verrouillage\\:verrouiller");
        assertThat(browser.text("#messages")).contains("Le compte " + agent.identifiant() + " est verrouillé");
        assertThat(browser.text("#etat-annuaire")).isEqualTo("Verrouillé");
        assertThat(performedBy("ACCOUNT_LOCKED", agent.identifiant())).containsExactly("rssi1");
        // The agent's session open elsewhere ends at once.
        HttpResponse<String> elsewhere = account(agentSession);
        assertThat(elsewhere.statusCode()).isEqualTo(302);
        assertThat(elsewhere.headers().firstValue("Location").orElse("")).contains("/connexion");

        // The agent cannot log in any more.
        browser.driver().manage().deleteAllCookies();
        browser.logIn(agent.identifiant(), PASSWORD);
        assertThat(browser.path()).isNotEqualTo("/compte");

        logInAs(browser, "rssi1");
        openAgent(browser, agent.identifiant());
        browser.submit("#deverrouillage\\:deverrouiller");
        assertThat(browser.text("#deverrouillage\\:confirmer-erreur")).contains("Cochez la case");
        browser.find("#deverrouillage\\:confirmer").click();
        browser.submit("#deverrouillage\\:deverrouiller");
        assertThat(browser.text("#messages")).contains("Le compte " + agent.identifiant() + " est déverrouillé");
        assertThat(performedBy("ACCOUNT_UNLOCKED", agent.identifiant())).containsExactly("rssi1");

        browser.driver().manage().deleteAllCookies();
        browser.logIn(agent.identifiant(), PASSWORD);
        browser.waitForPath("/compte");
    }

    @Test
    void anAdministratorResendsAPendingAgentsInvitation(Browser browser) {
        TestAgent agent = newAgent("pending", "0801234A");
        logInAs(browser, "admin1");
        openAgent(browser, agent.identifiant());
        assertThat(browser.text("#etat-annuaire")).isEqualTo("En attente d’activation");
        assertThat(browser.text("#etat-sesame")).contains("aucune invitation envoyée");
        assertThat(browser.findAll("#lien, #verrouillage")).isEmpty();

        browser.find("#invitation\\:confirmer").click();
        browser.submit("#invitation\\:renvoyer");
        assertThat(browser.text("#messages")).contains("Une nouvelle invitation part vers l’adresse de secours de " + agent.identifiant());
        Mailboxes.await(agent.recovery(), ActivationIT.INVITATION::equals, MAIL_WAIT);
        assertThat(performedBy("INVITATION_RESENT", agent.identifiant())).containsExactly("admin1");
        assertThat(browser.text("#invitation-lien")).isEqualTo("Valable");
        assertThat(browser.text("#etat-sesame")).contains("le lien d’invitation est valable");

        // Asked again at once: nothing more leaves.
        browser.find("#invitation\\:confirmer").click();
        browser.submit("#invitation\\:renvoyer");
        assertThat(browser.text("#messages")).contains("il y a quelques minutes");
        assertThat(performedBy("INVITATION_RESENT", agent.identifiant())).hasSize(1);
    }

    @Test
    void theHotlineResetsASecondFactorOnlyWithTheIdentityChecked(Browser browser) {
        TestAgent agent = newAgent("active", "0801234A");
        browser.logIn(agent.identifiant(), PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/compte/double-authentification");
        browser.enrol(agent.identifiant());

        logInAs(browser, "hotline1");
        openAgent(browser, agent.identifiant());
        assertThat(browser.text("#avec-double-authentification")).contains("code(s) de secours restant(s)");
        browser.submit("#double-authentification\\:reinitialiser");
        assertThat(browser.text("#double-authentification\\:confirmer-erreur")).contains("Cochez la case");
        assertThat(performedBy("SECOND_FACTOR_RESET", agent.identifiant())).isEmpty();

        browser.find("#double-authentification\\:confirmer").click();
        browser.submit("#double-authentification\\:reinitialiser");
        assertThat(browser.text("#messages")).contains("La double authentification de " + agent.identifiant() + " est réinitialisée");
        browser.waitFor("#sans-double-authentification");
        assertThat(performedBy("SECOND_FACTOR_RESET", agent.identifiant())).containsExactly("hotline1");
        SecondFactors.forget(agent.identifiant());
    }

    @Test
    void aReferentReadsTheirOwnSchoolsAgentsOnly(Browser browser) {
        TestAgent own = newAgent("active", "0801234A");
        TestAgent other = newAgent("active", "0600045T", own.surname());
        logInAs(browser, "referent1");
        assertThat(browser.findAll("a[href='/hotline/agents']")).hasSize(1);

        search(browser, own.surname());
        assertThat(browser.text("#recherche\\:resultats")).contains(own.identifiant()).doesNotContain(other.identifiant());
        search(browser, other.recovery());
        browser.waitFor("#aucun-agent");

        openAgent(browser, own.identifiant());
        assertThat(browser.text("#identite")).contains("Hélène " + own.surname());
        browser.waitFor("#evenements, #sans-evenement");
        assertThat(browser.findAll("#lien, #levee, #invitation, #verrouillage, #deverrouillage, #double-authentification"))
                .as("read only").isEmpty();
        assertThat(browser.findAll("form button, form input[type='submit']").stream()
                .filter(button -> !"deconnexion:logout".equals(button.getAttribute("id"))).toList()).isEmpty();

        browser.open("/hotline/agent?id=" + other.identifiant());
        browser.waitFor("#erreur-403");
        browser.open("/hotline/agent?id=personne-" + HrFile.randomLetters(8));
        browser.waitFor("#erreur-403");

        logInAs(browser, "referent2");
        browser.open("/hotline/agent?id=cmartin");
        browser.waitFor("#erreur-403");
    }

    @Test
    void anAgentIsRefusedBothPagesUnderEveryAddress(Browser browser) throws Exception {
        logInAs(browser, "cmartin");
        assertThat(browser.findAll("a[href='/hotline/agents']")).isEmpty();
        for (String path : List.of("/hotline/agents", "/hotline/agent?id=cmartin")) {
            browser.open(path);
            browser.waitFor("#erreur-403");
            assertThat(browser.findAll("#recherche, #identite")).as(path).isEmpty();
        }
        // Another spelling of the pages is refused before Faces sees it (the canonical address filter).
        for (String path : List.of("/faces/hotline/agents.xhtml", "/faces/hotline/agent.xhtml?id=cmartin",
                "/hotline/agents.xhtml", "/hotline/agent.xhtml?id=cmartin")) {
            HttpResponse<String> other = Https.send(HttpRequest.newBuilder(ItSettings.url(path))
                    .header("Cookie", browser.cookieHeader()).GET().build());
            assertThat(other.statusCode()).as(path).isIn(403, 404);
            assertThat(other.body()).as(path).doesNotContain("recherche:q", "id=\"identite\"");
        }
    }

    @Test
    void aDirectoryThatIsAwayGetsACalmMessage(Browser browser) throws Exception {
        logInAs(browser, "hotline1");
        browser.open("/hotline/agents");
        TestDirectory directory = EmbeddedServicesForTests.directory();
        directory.stopListening();
        try {
            browser.type("#recherche\\:q", "martin");
            browser.submit("#recherche\\:chercher");
            assertThat(browser.text("#messages")).contains("L’annuaire académique ne répond pas pour le moment");
            browser.assertNoTechnicalDetail();
        } finally {
            directory.startListening();
        }
    }
}
