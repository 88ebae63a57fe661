package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may open which page. */
@ExtendWith(Browser.class)
class AuthorizationIT {

    @ParameterizedTest
    @ValueSource(strings = {"/compte", "/compte.xhtml", "/admin", "/admin.xhtml"})
    void privatePagesSendAnonymousVisitorsToTheLoginPage(String path) throws Exception {
        HttpResponse<String> response = Https.get(ItSettings.url(path));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/connexion"));
    }

    @Test
    void anAgentOpeningAnAdminPageGetsTheFrench403Page(Browser browser) {
        browser.logIn("cmartin", DEMO_PASSWORD);
        browser.waitForPath("/compte");

        browser.open("/admin");

        browser.waitFor("#erreur-403");
        assertThat(browser.text("h1")).isEqualTo("Cette page ne vous est pas accessible");
        browser.assertNoTechnicalDetail();
        assertThat(browser.findAll("a[href='/admin']")).as("no admin link for an agent").isEmpty();
    }

    @Test
    void theAdministratorSeesTheStateOfTheService(Browser browser) {
        browser.logIn("admin1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        assertThat(browser.text("#roles")).contains("Administrateur");

        browser.find("a[href='/admin']").click();

        browser.waitForPath("/admin");
        assertThat(browser.text("h1")).isEqualTo("État du service");
        assertThat(browser.text("#etat-directory")).isEqualTo("Disponible");
        assertThat(browser.text("#etat-database")).isEqualTo("Disponible");
        assertThat(browser.text("#etat-mail")).isEqualTo("Disponible");
        assertThat(browser.driver().getPageSource()).doesNotContain("sesame-embedded-only");

        // The renewal reminder sweep, now rather than tonight.
        browser.submit("#rappels\\:lancer");
        assertThat(browser.text("#messages")).startsWith("Tournée terminée :").contains("compte(s) examiné(s)");
    }
}
