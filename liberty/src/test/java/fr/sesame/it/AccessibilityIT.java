package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every page of the portal, as a visitor, an agent and an administrator (who opens the staff's pages
 * too), in French then in English: axe-core (WCAG 2.1 A and AA) checks each one as it opens (see
 * {@link Browser#checkAccessibility()}), and the staff's lists use the screen's width while the agents'
 * pages keep the reading column, at 1280, 768 and 375 pixels (screenshots in target/screenshots/).
 */
@ExtendWith(Browser.class)
class AccessibilityIT {

    private static final List<String> PUBLIC_PAGES = List.of("/", "/connexion", "/activation", "/mot-de-passe-oublie",
            "/identifiant-oublie", "/assistance", "/aide", "/appareils", "/charte", "/erreur/404", "/erreur/session-expiree");
    private static final List<String> AGENT_PAGES = List.of("/compte", "/compte/mot-de-passe", "/compte/demandes",
            "/compte/securite", "/compte/adresse-de-secours", "/compte/double-authentification", "/appareils", "/aide");
    private static final List<String> STAFF_PAGES = List.of("/support/demandes", "/hotline/agents", "/hotline/agent?id=cmartin",
            "/hotline/courriels", "/hotline/verrous", "/hotline/articles", "/securite/journal", "/admin", "/admin/import",
            "/admin/etablissements", "/admin/tableau-de-bord");

    /** Opens the page in both languages; the browser's check runs on each. */
    private static void openInBothLanguages(Browser browser, String path) {
        String separator = path.contains("?") ? "&" : "?";
        for (String language : List.of("fr", "en")) {
            browser.open(path + separator + "lang=" + language);
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo(language);
            browser.assertNoTechnicalDetail();
        }
        browser.open("/?lang=fr");
    }

    private static void requireAxe() {
        assumeTrue(Boolean.getBoolean("sesame.it.axe"), "axe-core runs in the embedded run only");
    }

    @Test
    void everyPublicPageInBothLanguages(Browser browser) {
        requireAxe();
        PUBLIC_PAGES.forEach(path -> openInBothLanguages(browser, path));
        browser.open("/aide");
        List<WebElement> articles = browser.findAll("a[href*='/aide/article']");
        assertThat(articles).as("the demo's help articles").isNotEmpty();
        openInBothLanguages(browser, java.net.URI.create(articles.get(0).getAttribute("href")).getRawPath()
                + "?" + java.net.URI.create(articles.get(0).getAttribute("href")).getRawQuery());
    }

    @Test
    void everyPageOfAnAgentInBothLanguages(Browser browser) {
        requireAxe();
        browser.logIn("cmartin", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        AGENT_PAGES.forEach(path -> openInBothLanguages(browser, path));
    }

    @Test
    void everyPageOfTheStaffInBothLanguages(Browser browser) {
        requireAxe();
        browser.logIn("admin1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        STAFF_PAGES.forEach(path -> openInBothLanguages(browser, path));
        browser.open("/support/demandes");
        List<WebElement> tickets = browser.findAll("#liste\\:demandes a[href*='/support/demande?ref=']");
        if (!tickets.isEmpty()) {
            String reference = tickets.get(0).getText();
            openInBothLanguages(browser, "/support/demande?ref=" + reference);
        }
    }

    private static long pageOverflow(Browser browser) {
        return (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    private static List<String> visibleHeaders(Browser browser) {
        return browser.findAll("#liste\\:demandes thead th").stream().filter(WebElement::isDisplayed)
                .map(header -> header.getText().strip()).filter(text -> !text.isEmpty()).toList();
    }

    private static void screenshot(Browser browser, String name) throws Exception {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var t = document.getElementById('liste:demandes'); if (t) { t.scrollIntoView(); }");
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    }

    /** Opens a support request, so that the queue has at least one row to draw. */
    private static void aRequestIsWaiting(Browser browser) throws Exception {
        FacesForm form = FacesForm.open("/assistance", "assistance", browser.actAsNewClient());
        Mailboxes.sleep(2500); // SESAME_CHALLENGE_WAIT_SECONDS=2 on the test server
        assertThat(form.post(PublicRequestForm.fields("largeur" + System.nanoTime() + "@perso.example.org", "OTHER",
                "Une demande au sujet assez long pour voir comment la file le montre sur une tablette"), form.waitToken())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void theQueueUsesTheWidthAndKeepsItsKeyColumnsDownToATablet(Browser browser) throws Exception {
        aRequestIsWaiting(browser);
        browser.logIn("hotline1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        try {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
            browser.open("/support/demandes");
            screenshot(browser, "file-1280");
            assertThat(visibleHeaders(browser)).containsExactly("Référence", "Objet", "Demandeur", "Établissement",
                    "Priorité", "État", "Niveau", "Créée le");
            assertThat(browser.find("main").getSize().getWidth()).as("the full width, not the reading column").isGreaterThan(1100);
            WebElement firstRow = browser.find("#liste\\:demandes tbody tr");
            assertThat(firstRow.getSize().getHeight()).as("one row, not four lines").isLessThan(80);
            assertThat(pageOverflow(browser)).isLessThanOrEqualTo(0);

            browser.driver().manage().window().setSize(new Dimension(768, 1024));
            browser.open("/support/demandes");
            screenshot(browser, "file-768");
            assertThat(visibleHeaders(browser)).containsExactly("Référence", "Objet", "Établissement", "Priorité", "État");
            assertThat(pageOverflow(browser)).isLessThanOrEqualTo(0);

            browser.driver().manage().window().setSize(new Dimension(375, 812));
            browser.open("/support/demandes");
            screenshot(browser, "file-375");
            assertThat(visibleHeaders(browser)).containsExactly("Référence", "Objet", "État");
            assertThat(pageOverflow(browser)).isLessThanOrEqualTo(0);

            // An agent's page keeps the reading column on a large screen.
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
            browser.open("/compte");
            screenshot(browser, "compte-1280");
            assertThat(browser.find("main").getSize().getWidth()).isLessThanOrEqualTo(800);
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 1024));
        }
    }
}
