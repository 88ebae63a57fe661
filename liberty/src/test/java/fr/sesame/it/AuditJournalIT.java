package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** The RSSI's journal of the audit trail: filters, pages, the export and the chain's verification. */
@ExtendWith(Browser.class)
class AuditJournalIT {

    private static final String NUMEN = "20E0901357ZZA";

    @Test
    void theRssiFindsAnAgentsEventsExportsThemAndChecksTheChain(Browser browser) throws Exception {
        String identifiant = TestAgents.newIdentifiant("journal-");
        TestAgents.addFromTests(TestAgents.active(identifiant, null, identifiant + "@perso.example.org", DEMO_PASSWORD, NUMEN));
        browser.logInWithPasswordOnly(identifiant, "pas-le-bon-mot-de-passe");
        browser.waitFor("#connexion\\:motDePasse");
        browser.driver().manage().deleteAllCookies();

        browser.logIn("rssi1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.find("a[href='/securite/journal']").click();
        browser.waitForPath("/securite/journal");
        browser.type("#agent", identifiant.toUpperCase());
        new Select(browser.find("#type")).selectByValue("LOGIN_FAILED");
        browser.submit("#filtrer");

        browser.waitForText("#total", "1 événement(s).");
        assertThat(browser.text("#evenements tbody")).contains(identifiant, "Connexion refusée (mot de passe)");
        assertThat(browser.driver().getCurrentUrl()).contains("type=LOGIN_FAILED");

        HttpResponse<byte[]> export = Https.sendForBytes(HttpRequest.newBuilder(
                        ItSettings.url(browser.find("#exporter").getAttribute("href").replaceFirst("^https://[^/]+", "")))
                .header("Cookie", browser.cookieHeader()).GET().build());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        String csv = new String(export.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"Date\";\"Nature\";\"Agent concerné\"");
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("\"" + identifiant + "\"", "\"Connexion refusée (mot de passe)\"")
                .matches(".*;\\d+;\"[0-9a-f]{64}\"$");
        assertThat(csv).doesNotContain(NUMEN);

        browser.submit("#verification\\:verifier");
        browser.waitFor("#verdict");
        assertThat(browser.text("#verdict")).startsWith("Journal intact :");
        browser.assertNoTechnicalDetail();
    }

    @Test
    void theJournalPagesThroughTheTrailAndSaysWhenADateCannotBeRead(Browser browser) {
        String identifiant = TestAgents.newIdentifiant("journal-");
        TestAgents.addFromTests(TestAgents.active(identifiant, null, identifiant + "@perso.example.org", DEMO_PASSWORD, null));
        for (int i = 0; i < 6; i++) { // 12 events: a login and a logout each time
            browser.logIn(identifiant, DEMO_PASSWORD);
            browser.waitForPath("/compte");
            browser.submit("#deconnexion\\:logout");
            browser.waitFor("#deconnecte");
        }
        browser.logIn("rssi1", DEMO_PASSWORD);
        browser.waitForPath("/compte");

        browser.open("/securite/journal?agent=" + identifiant);
        new Select(browser.find("#taille")).selectByValue("10");
        browser.submit("#filtrer");
        browser.waitForText("#total", "12 événement(s).");
        assertThat(browser.findAll("#evenements tbody tr")).hasSize(10);
        assertThat(browser.text(".pager")).contains("Page 1 sur 2");
        browser.find("#suivante").click();
        browser.waitForText(".pager", "Page 2 sur 2");
        assertThat(browser.findAll("#evenements tbody tr")).hasSize(2);
        assertThat(browser.text("#evenements tbody")).contains("Connexion réussie");
        assertThat(browser.findAll("#precedente")).hasSize(1);
        assertThat(browser.findAll("#suivante")).isEmpty();

        browser.open("/securite/journal?du=31%2F12%2F2026&au=2026-13-45&page=%3Cscript%3E");
        browser.waitFor("#du-erreur");
        assertThat(browser.text("#du-erreur")).startsWith("Date illisible");
        assertThat(browser.find("#du").getAttribute("aria-describedby")).isEqualTo("du-erreur");
        assertThat(browser.findAll("#au-erreur")).hasSize(1);
        assertThat(browser.text(".pager")).startsWith("Page 1 sur");
        browser.assertNoTechnicalDetail();
    }

    @Test
    void agentsHotlineAndReferentsAreRefusedTheJournalUnderEveryAddress(Browser browser) throws Exception {
        for (String identifiant : List.of("cmartin", "hotline1")) {
            browser.driver().manage().deleteAllCookies();
            browser.logIn(identifiant, DEMO_PASSWORD);
            browser.waitForPath("/compte");
            assertThat(browser.findAll("a[href='/securite/journal']")).as(identifiant).isEmpty();

            browser.open("/securite/journal");
            browser.waitFor("#erreur-403");
            // Another spelling of the page is refused before Faces sees it (the canonical address filter).
            for (String path : List.of("/faces/securite/journal.xhtml", "/securite/journal.xhtml", "/faces/securite/journal")) {
                HttpResponse<String> other = Https.send(HttpRequest.newBuilder(ItSettings.url(path))
                        .header("Cookie", browser.cookieHeader()).GET().build());
                assertThat(other.statusCode()).as(identifiant + " " + path).isIn(403, 404);
                assertThat(other.body()).as(path).doesNotContain("verification:verifier");
            }
            int status = Https.send(HttpRequest.newBuilder(ItSettings.url("/securite/journal.csv"))
                    .header("Cookie", browser.cookieHeader()).GET().build()).statusCode();
            assertThat(status).as(identifiant).isEqualTo(403);
        }
        assertThat(Https.get(ItSettings.url("/securite/journal.csv")).statusCode()).isIn(302, 401, 403);
    }
}
