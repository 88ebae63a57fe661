package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** The help articles: search, suggestions while a request is typed, editing by the hotline. */
@ExtendWith(Browser.class)
class HelpIT {

    private static int solvedCount(Browser browser, String slug) {
        browser.open("/hotline/articles");
        return Integer.parseInt(browser.find("span.resolu[data-article='" + slug + "']").getText());
    }

    @Test
    void theShippedArticlesAreFoundWithOrWithoutAccents(Browser browser) {
        browser.open("/aide");
        assertThat(browser.findAll("#articles li")).hasSizeGreaterThanOrEqualTo(8);
        browser.open("/aide?q=telephone+perdu");
        assertThat(browser.findAll("#articles a").get(0).getText()).isEqualTo("Téléphone perdu ou volé");
        browser.findAll("#articles a").get(0).click();
        browser.waitFor("#texte");
        assertThat(browser.text("#texte")).contains("Signalez-le tout de suite");
        // The settings an article names are those of this server, not text written once.
        browser.open("/aide/article?a=configurer-android");
        assertThat(browser.text("#texte")).contains("127.0.0.1, port " + ItSettings.imapsPort(), "port " + ItSettings.smtpsPort())
                .doesNotContain("{imap", "imap.ac-amiens.fr");
        browser.open("/aide/article?a=mot-de-passe-oublie");
        assertThat(browser.text("#texte")).contains("valable 60 minutes", "au moins 12 caractères", "Après 5 essais")
                .doesNotContain("{");

        browser.open("/aide?q=" + "%3Cscript%3E".repeat(40));
        browser.waitFor("#aucun-article");
        browser.open("/aide/article?a=n-existe-pas");
        browser.waitFor("#article-introuvable");
        browser.assertNoTechnicalDetail();
    }

    @Test
    void anArticleSuggestedWhileTypingCanSolveTheProblemInsteadOfARequest(Browser browser) {
        browser.logIn("hotline1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        int before = solvedCount(browser, "mot-de-passe-oublie");
        browser.submit("#deconnexion\\:logout");

        browser.open("/assistance");
        browser.type("#assistance\\:objet", "mot de passe oublié");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector("#assistance\\:suggestions a")).stream()
                        .anyMatch(a -> a.getText().equals("J’ai oublié mon mot de passe")));
        WebElement solved = browser.driver().findElement(By.xpath(
                "//a[normalize-space()='J’ai oublié mon mot de passe']/following-sibling::button"));
        solved.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("probleme-resolu")).isEmpty());
        assertThat(browser.findAll("#assistance")).isEmpty();

        browser.logIn("hotline1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        assertThat(solvedCount(browser, "mot-de-passe-oublie")).isEqualTo(before + 1);
    }

    @Test
    void theHotlineEditsAnArticle(Browser browser) {
        String added = "Mis à jour " + HrFile.randomLetters(8);
        browser.logIn("hotline1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/hotline/articles");
        browser.submit("button[data-article='hameconnage']");
        String body = browser.find("#article\\:texte").getAttribute("value");
        assertThat(body).contains("Aucun service de l’académie");
        browser.type("#article\\:texte", body + "\n" + added);
        browser.submit("#article\\:enregistrer");
        assertThat(browser.text("#messages")).contains("est enregistré");
        browser.open("/aide/article?a=hameconnage");
        assertThat(browser.text("#texte")).contains(added);
    }

    @Test
    void anAgentCannotEditArticles(Browser browser) {
        browser.logIn("cmartin", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/hotline/articles");
        browser.waitFor("#erreur-403");
        assertThat(browser.findAll("#article\\:texte")).isEmpty();
    }
}
