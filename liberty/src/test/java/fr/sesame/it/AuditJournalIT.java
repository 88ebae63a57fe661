package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpRequest;
import java.util.List;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** The RSSI's journal of the audit trail: filters, pages, the export and the chain's verification. */
@ExtendWith(Browser.class)
class AuditJournalIT {

    private static final String NUMEN = "20E0901357ZZA";

    @Test
    void theRssiFindsAnAgentsEventsExportsThemAndChecksTheChain(Browser browser) {
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

        String csv = download(browser, browser.find("#exporter").getAttribute("href"));
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
    void theJournalPagesThroughTheWholeTrailAndSaysWhenADateCannotBeRead(Browser browser) {
        browser.logIn("rssi1", DEMO_PASSWORD);
        browser.waitForPath("/compte");

        browser.open("/securite/journal");
        browser.waitFor("#suivante"); // more than fifty events: every test before this one logged in
        assertThat(browser.findAll("#evenements tbody tr")).hasSize(50);
        browser.find("#suivante").click();
        browser.waitForText(".pager", "Page 2 sur");
        assertThat(browser.findAll("#precedente")).hasSize(1);

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

            for (String path : List.of("/securite/journal", "/faces/securite/journal.xhtml", "/securite/journal.xhtml")) {
                browser.open(path);
                browser.waitFor("#erreur-403");
            }
            int status = Https.send(HttpRequest.newBuilder(ItSettings.url("/securite/journal.csv"))
                    .header("Cookie", browser.cookieHeader()).GET().build()).statusCode();
            assertThat(status).as(identifiant).isEqualTo(403);
        }
        assertThat(Https.get(ItSettings.url("/securite/journal.csv")).statusCode()).isIn(302, 401, 403);
    }

    private static String download(Browser browser, String url) {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", url));
    }
}
