package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrators' dashboard in the browser: its tables show what the database holds (counted here
 * again in SQL, after a lock-out and a ticket made for the test), each chart is drawn under the
 * Content-Security-Policy without a console error, the tables carry their captions and headers in both
 * languages and are there without JavaScript, and nobody but an administrator opens it.
 */
@ExtendWith(Browser.class)
class DashboardPageIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String PAGE = "/admin/tableau-de-bord";
    private static final List<String> CHARTS = List.of("graphique-activations", "graphique-expirations", "graphique-demandes",
            "graphique-categories", "graphique-echecs", "graphique-verrouillages");

    @Test
    void theAdministratorReadsTheFiguresInTablesBesideTheirCharts(Browser browser) throws Exception {
        String identifiant = TestAgents.newIdentifiant("tableau-");
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(5)),
                identifiant + "@perso.example.org", DEMO_PASSWORD, null));
        for (int attempt = 1; attempt <= 5; attempt++) { // a lock-out today
            browser.logInWithPasswordOnly(identifiant, "Mauvais-Mot-De-Passe-" + attempt);
        }
        long ticket = resolvedTicketThisWeek();
        try {
            browser.driver().manage().deleteAllCookies();
            browser.logIn("admin1", DEMO_PASSWORD);
            browser.waitForPath("/compte");
            browser.consoleErrors(); // what the login pages logged is not the dashboard's
            browser.open("/admin");
            browser.find("#tableau-de-bord").click();
            browser.waitForPath(PAGE);
            browser.waitFor("#verrouillages-par-jour");

            Instant today = LocalDate.now(PARIS).atStartOfDay(PARIS).toInstant();
            Instant monday = LocalDate.now(PARIS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(PARIS).toInstant();
            long lockedToday = count("select count(distinct actor) from audit_event where type = 'LOGIN_LOCKED_OUT'"
                    + " and occurred_at >= ?", at(today));
            assertThat(lockedToday).isGreaterThanOrEqualTo(1);
            List<WebElement> lockOutRows = browser.findAll("#verrouillages-par-jour tbody tr");
            assertThat(lockOutRows).hasSize(30);
            assertThat(cell(lockOutRows.get(29), 0)).isEqualTo(lockedToday);
            assertThat(lockOutRows.get(29).findElement(org.openqa.selenium.By.cssSelector("th")).getText())
                    .isEqualTo(LocalDate.now(PARIS).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            long lockOutSum = lockOutRows.stream().mapToLong(row -> cell(row, 0)).sum();
            assertThat(number(browser.text("#verrouillages-total"))).isEqualTo(lockOutSum);

            List<WebElement> weeks = browser.findAll("#demandes-par-semaine tbody tr");
            assertThat(weeks).hasSize(12);
            WebElement thisWeek = weeks.get(11);
            OffsetDateTime now = at(Instant.now());
            long opened = count("select count(*) from ticket where created_at >= ? and created_at <= ?", at(monday), now);
            long resolved = count("select count(*) from ticket where resolved_at >= ? and resolved_at <= ?", at(monday), now);
            long inTime = count("select count(*) from ticket where resolved_at >= ? and resolved_at <= ?"
                    + " and resolved_at <= resolve_deadline", at(monday), now);
            assertThat(opened).isGreaterThanOrEqualTo(1);
            assertThat(List.of(cell(thisWeek, 0), cell(thisWeek, 1), cell(thisWeek, 2))).containsExactly(opened, resolved, inTime);
            assertThat(thisWeek.findElements(org.openqa.selenium.By.cssSelector("td")).get(3).getText())
                    .isEqualTo(Math.round(100.0 * inTime / resolved) + " %");

            // The queue as the hotline's page counts it, at most a few seconds apart.
            assertThat(browser.text("#en-attente")).matches("[0-9\\s\u202f\u00a0]+");

            for (String chart : CHARTS) {
                WebElement canvas = browser.find("#" + chart + " canvas");
                assertThat(canvas.getAttribute("role")).as(chart).isEqualTo("img");
                assertThat(canvas.getAttribute("aria-label")).as(chart).endsWith("Les chiffres sont dans le tableau qui suit.");
            }
            awaitChartsDrawn(browser);
            assertThat(browser.consoleErrors()).as("no CSP violation, no script error").isEmpty();
            assertTablesAreLabelled(browser);
            browser.assertNoTechnicalDetail();

            // Without JavaScript: the same tables, figures included, in the page the server sends.
            HttpResponse<String> plain = Https.send(HttpRequest.newBuilder(ItSettings.url(PAGE))
                    .header("Cookie", browser.cookieHeader()).GET().build());
            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(plain.body()).contains("<caption>Comptes verrouillés par jour</caption>",
                    "<caption>Demandes ouvertes et résolues par semaine</caption>", "id=\"verrouillages-total\"");

            browser.find("#changer-de-langue").click();
            browser.waitForText("h1", "Dashboard");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
            assertThat(browser.text("#verrouillages-par-jour caption")).isEqualTo("Locked-out accounts per day");
            assertThat(browser.find("#graphique-demandes canvas").getAttribute("aria-label"))
                    .isEqualTo("Requests opened and resolved per week. The figures are in the table that follows.");
            awaitChartsDrawn(browser);
            assertTablesAreLabelled(browser);
            assertThat(browser.consoleErrors()).isEmpty();
            browser.find("#changer-de-langue").click();
            browser.waitForText("h1", "Tableau de bord");
        } finally {
            ItDatabase.update("delete from ticket_event where ticket_id = ?", ticket);
            ItDatabase.update("delete from ticket where id = ?", ticket);
        }
    }

    /** The directory away: what the database counts is still shown, and the two figures the directory gives say why not. */
    @Test
    void withoutTheDirectoryTheDatabasesFiguresStayAndTheOthersSaySo(Browser browser) throws Exception {
        browser.logIn("admin1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        TestDirectory directory = EmbeddedServicesForTests.directory();
        directory.stopListening();
        try {
            browser.open(PAGE);
            browser.waitFor("#verrouillages-par-jour");
            assertThat(browser.text("#etablissements-indisponible")).contains("L’annuaire ne répond pas");
            assertThat(browser.text("#expirations-indisponible")).contains("L’annuaire ne répond pas");
            assertThat(browser.findAll("#activations-par-etablissement")).isEmpty();
            assertThat(browser.findAll("#expirations-par-semaine")).isEmpty();
            assertThat(browser.findAll("#activations-par-semaine")).hasSize(1);
            assertThat(browser.findAll("#demandes-par-semaine")).hasSize(1);
            browser.assertNoTechnicalDetail();
        } finally {
            directory.startListening();
        }
        browser.open(PAGE);
        browser.waitFor("#activations-par-etablissement");
        assertThat(browser.findAll("#etablissements-indisponible")).isEmpty();
    }

    @Test
    void onlyAdministratorsOpenTheDashboardUnderAnyAddress(Browser browser) throws Exception {
        for (String identifiant : List.of("cmartin", "hotline1", "rssi1")) {
            browser.driver().manage().deleteAllCookies();
            browser.logIn(identifiant, DEMO_PASSWORD);
            browser.waitForPath("/compte");

            browser.open(PAGE);
            browser.waitFor("#erreur-403");
            assertThat(browser.findAll("#verrouillages-par-jour")).as(identifiant).isEmpty();
            for (String path : List.of(PAGE, PAGE + ".xhtml", "/faces" + PAGE, "/faces" + PAGE + ".xhtml", PAGE + "/")) {
                HttpResponse<String> other = Https.send(HttpRequest.newBuilder(ItSettings.url(path))
                        .header("Cookie", browser.cookieHeader()).GET().build());
                assertThat(other.statusCode()).as(identifiant + " " + path).isIn(403, 404);
                assertThat(other.body()).as(path).doesNotContain("verrouillages-par-jour");
            }
        }
        HttpResponse<String> anonymous = Https.get(ItSettings.url(PAGE));
        assertThat(anonymous.statusCode()).isIn(200, 302, 401, 403);
        assertThat(anonymous.body()).doesNotContain("verrouillages-par-jour");
    }

    /** Chart.js drew on every canvas: the scripts ran under the page's policy. */
    private static void awaitChartsDrawn(Browser browser) {
        JavascriptExecutor script = (JavascriptExecutor) browser.driver();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(script.executeScript(
                "return typeof Chart !== 'undefined' && Array.from(document.querySelectorAll('.ui-chart canvas'))"
                        + ".every(c => Chart.getChart(c) !== undefined && c.width > 0);")));
    }

    /** Every table has a caption, column headers and row headers with their scope. */
    private static void assertTablesAreLabelled(Browser browser) {
        List<WebElement> tables = browser.findAll("main table");
        assertThat(tables).hasSizeGreaterThanOrEqualTo(7);
        for (WebElement table : tables) {
            String id = table.getAttribute("id");
            assertThat(table.findElement(org.openqa.selenium.By.tagName("caption")).getText()).as(id).isNotBlank();
            assertThat(table.findElements(org.openqa.selenium.By.cssSelector("thead th")))
                    .allSatisfy(th -> assertThat(th.getAttribute("scope")).as(id).isEqualTo("col"));
            assertThat(table.findElements(org.openqa.selenium.By.cssSelector("tbody th, tfoot th")))
                    .allSatisfy(th -> assertThat(th.getAttribute("scope")).as(id).isEqualTo("row"));
        }
    }

    /** A ticket opened and resolved in time today, at the last level (the support's sweep leaves it). */
    private static long resolvedTicketThisWeek() {
        long id = 700_000_000L + ThreadLocalRandom.current().nextLong(99_000_000L);
        OffsetDateTime now = at(Instant.now());
        OffsetDateTime deadline = at(Instant.now().plus(Duration.ofDays(3)));
        ItDatabase.update("insert into ticket (id, reference, requester_name, contact_address, identity_verified, category,"
                        + " urgency, impact, priority, status, support_level, subject, description, created_at, updated_at,"
                        + " take_deadline, resolve_deadline, resolved_at, version) values (?, ?, 'Tableau', 'tableau@perso.example.org',"
                        + " false, 'PASSWORD', 1, 1, 1, 'RESOLVED', 3, 'Demande', 'Texte', ?, ?, ?, ?, ?, 0)",
                id, "TDB-" + id, now, now, deadline, deadline, now);
        return id;
    }

    private static long count(String sql, Object... parameters) {
        return Long.parseLong(ItDatabase.texts(sql, parameters).get(0));
    }

    /** The number in the row's {@code index}th data cell. */
    private static long cell(WebElement row, int index) {
        return number(row.findElements(org.openqa.selenium.By.cssSelector("td")).get(index).getText());
    }

    private static long number(String text) {
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
