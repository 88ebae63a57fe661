package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** Every error a visitor can meet is a French page, never a stack trace. */
@ExtendWith(Browser.class)
class ErrorPagesIT {

    @ParameterizedTest
    @ValueSource(strings = {"/nimporte-quoi", "/page-inconnue.xhtml", "/compte/inexistante", "/favicon.ico", "/%3Cscript%3E"})
    void anUnknownAddressGetsTheFrench404Page(String path) throws Exception {
        HttpResponse<String> response = Https.get(ItSettings.url(path));

        if (path.startsWith("/compte/")) {
            // Private area: the login comes first, whether or not the page exists.
            assertThat(response.statusCode()).isEqualTo(302);
            return;
        }
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Cette page n’existe pas").doesNotContain("<script>");
        assertNoTechnicalDetail(response.body());
    }

    @Test
    void aForgedPostIsRefusedBeforeItsActionWithTheExpiredPageAndNoDetail() throws Exception {
        // No PrimeFaces nonce and no real view state: what a forged cross-site form would send. It is
        // refused as soon as its page is restored (NonceCheck), before the login it asks for is tried.
        String client = "10.77." + (int) (Math.random() * 250) + ".9";
        HttpRequest forged = HttpRequest.newBuilder(ItSettings.url("/connexion"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "connexion=connexion&connexion%3Aidentifiant=cmartin&connexion%3AmotDePasse=x"
                                + "&connexion%3AseConnecter=&jakarta.faces.ViewState=stateless"))
                .build();

        HttpResponse<String> response = Https.send(forged);

        assertThat(response.statusCode()).isEqualTo(302);
        URI errorPage = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(errorPage.getPath()).isEqualTo("/erreur/session-expiree");
        String body = Https.get(ItSettings.url(errorPage.getPath())).body();
        assertThat(body).contains("Cette page a expiré", "Rien n’a été enregistré");
        assertNoTechnicalDetail(body);
        assertThat(ItDatabase.texts("select count(*) from audit_event where client_address = ?", client))
                .as("no login was tried").containsExactly("0");
    }

    @Test
    void aPageLeftOpenAfterItsSessionEndedSaysSoKindly(Browser browser) {
        browser.open("/activation");
        browser.type("#identite\\:identifiant", "cmartin");
        // The session ends (timeout, server restart) while the page stays open in the browser.
        browser.driver().manage().deleteCookieNamed("JSESSIONID");

        browser.find("#identite\\:continuer").click();

        browser.waitFor("#erreur-session-expiree");
        assertThat(browser.text("h1")).isEqualTo("Cette page a expiré");
        browser.assertNoTechnicalDetail();
    }

    @Test
    void aLoggedInPageLeftOpenAfterItsSessionEndedLeadsToTheLoginPageWhichSaysWhy(Browser browser) {
        browser.logIn("cmartin", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.driver().manage().deleteCookieNamed("JSESSIONID");

        browser.find("#deconnexion\\:logout").click();

        browser.waitFor("#refus");
        assertThat(browser.path()).isEqualTo("/connexion");
        assertThat(browser.text("#refus")).contains("Votre session a expiré");
        browser.assertNoTechnicalDetail();
    }

    @Test
    void errorPagesSpeakEnglishToThoseWhoChoseIt() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(ItSettings.url("/nimporte-quoi"))
                .header("Cookie", "sesame_lang=en").GET().build();

        HttpResponse<String> response = Https.send(request);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("This page does not exist");
    }

    static void assertNoTechnicalDetail(String body) {
        assertThat(body).doesNotContain("at java.", "at com.ibm.", "Exception:", "SRVE0", "CWWK", "Error 404", "Error 500");
    }
}
