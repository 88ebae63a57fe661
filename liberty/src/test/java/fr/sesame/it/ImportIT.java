package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** The administrator's import of the HR assignments file. */
@ExtendWith(Browser.class)
class ImportIT {

    /** Logs in as admin1, uploads the file and waits until its import is finished. */
    static void importAsAdmin(Browser browser, Path file) {
        browser.logIn("admin1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        upload(browser, file);
    }

    /** Uploads the file, logged in already, and waits until its import is finished. */
    static void upload(Browser browser, Path file) {
        browser.open("/admin/import");
        browser.find("#envoi\\:fichier").sendKeys(file.toAbsolutePath().toString());
        browser.find("#envoi\\:importer").click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(120))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> browser.findAll("#etat-import").stream().anyMatch(e -> e.getText().startsWith("Import terminé")));
    }

    /**
     * "L’accès est automatique dès la prise de fonction": an agent imported long before their start date
     * is invited a week before it (sesame.invitation.lead-days), with a link valid from then, and one
     * whose start date is past at once. Time is moved by the outbox row's date, not waited for.
     */
    @Test
    void anAgentStartingLaterIsInvitedAWeekBeforeWithALinkValidFromThen(Browser browser) throws Exception {
        java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
        java.time.LocalDate start = java.time.LocalDate.now(paris).plusDays(60);
        HrFile hr = new HrFile();
        HrFile.Agent present = hr.add("Paul", "Present", "0801234A", "");
        String tag = HrFile.randomLetters(5);
        HrFile.Agent later = new HrFile.Agent(HrFile.newNumen(), "Rentree" + tag.substring(0, 1).toUpperCase() + tag.substring(1),
                "Inès", "0801234A", "it." + tag + "@example.org", "");
        hr.addRaw(later.line().replace("2026-09-01", start.toString()));
        importAsAdmin(browser, hr.write());
        assertThat(browser.text("#invites")).isEqualTo("2");
        Mailboxes.await(present.recovery(), ActivationIT.INVITATION::equals, ActivationIT.MAIL_WAIT);

        java.time.OffsetDateTime leaves = start.minusDays(7).atStartOfDay(paris).toOffsetDateTime();
        assertThat(ItDatabase.texts("select count(*) from outbound_message where recipient = ? and status = 'QUEUED'"
                + " and next_attempt_at = ?", later.recovery(), leaves)).containsExactly("1");
        String identifiant = ItDatabase.texts("select reference from outbound_message where recipient = ?", later.recovery()).get(0);
        // The link is valid from the day it leaves, for the whole validity: not spent waiting for the rentrée.
        assertThat(ItDatabase.texts("select count(*) from invitation where identifiant = ? and closed_at is null and expires_at > ?",
                identifiant, leaves.plusDays(1))).containsExactly("1");
        Mailboxes.sleep(3000); // what would have left has had time to arrive
        assertThat(Mailboxes.count(later.recovery(), ActivationIT.INVITATION::equals)).isZero();

        // A week before the start date: the invitation leaves, and its link opens the activation.
        ItDatabase.update("update outbound_message set next_attempt_at = ? where recipient = ?",
                java.time.OffsetDateTime.now(), later.recovery());
        Mailboxes.Mail invitation = Mailboxes.await(later.recovery(), ActivationIT.INVITATION::equals, ActivationIT.MAIL_WAIT);
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(invitation.find("(https://\\S+/activation\\?jeton=\\S+)"));
        ActivationIT.identify(browser, identifiant, later.numen());
        browser.waitFor("#envoi");
    }

    /**
     * The eighth column, date de fin: a departure is recorded and shown on the agent's page, a later file
     * moves it; an assignment already over gets no account and an end before the start is refused, both
     * reported.
     */
    @Test
    void endDatesInTheFileAreRecordedShownOnTheAgentsPageAndMovedByALaterFile(Browser browser) throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now();
        java.time.format.DateTimeFormatter french = java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu");
        java.time.LocalDate last = today.plusDays(120);
        String tag = HrFile.randomLetters(6);
        HrFile.Agent leaving = new HrFile.Agent(HrFile.newNumen(), "Contrat" + tag.substring(0, 1).toUpperCase() + tag.substring(1),
                "Noé", "0801234A", "it." + tag + "@example.org", "");
        HrFile hr = new HrFile();
        hr.addRaw(leaving.line() + ";" + last.format(french))                                                          // line 2
                .addRaw(HrFile.newNumen() + ";Fini;Ana;0801234A;it.fini." + tag + "@example.org;;" + today.minusDays(60)
                        + ";" + today.minusDays(2))                                                                 // line 3
                .addRaw(HrFile.newNumen() + ";Avant;Ana;0801234A;it.avant." + tag + "@example.org;;2026-09-01;2026-08-31"); // line 4
        importAsAdmin(browser, hr.write());

        assertThat(browser.text("#invites")).isEqualTo("1");
        assertThat(browser.text("#departs")).isEqualTo("1");
        assertThat(browser.text("#rejetees")).isEqualTo("2");
        String report = download(browser, browser.find("#rapport").getAttribute("href"));
        assertThat(report).contains("3;\"Affectation déjà terminée", "4;\"La date de fin est antérieure");
        String identifiant = Mailboxes.await(leaving.recovery(), ActivationIT.INVITATION::equals, ActivationIT.MAIL_WAIT)
                .find("Identifiant : (\\S+)");
        browser.open("/hotline/agent?id=" + identifiant);
        assertThat(browser.text("#dernier-jour")).isEqualTo(last.format(french));

        HrFile later = new HrFile();
        later.addRaw(leaving.line() + ";" + last.plusDays(30));
        upload(browser, later.write());
        assertThat(browser.text("#departs")).isEqualTo("1");
        assertThat(browser.text("#inchanges")).as("already invited: nothing sent again").isEqualTo("1");
        browser.open("/hotline/agent?id=" + identifiant);
        assertThat(browser.text("#dernier-jour")).isEqualTo(last.plusDays(30).format(french));
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndSendsNothing(Browser browser) throws Exception {
        HrFile hr = new HrFile();
        HrFile.Agent one = hr.add("Paul", "Roussel", "0801234A", "");
        HrFile.Agent two = hr.add("Zoé", "Perrin", "0600045T", "07 12 34 56 78");
        Path file = hr.write();
        importAsAdmin(browser, file);
        assertThat(browser.text("#invites")).isEqualTo("2");
        Mailboxes.await(one.recovery(), ActivationIT.INVITATION::equals, ActivationIT.MAIL_WAIT);
        Mailboxes.await(two.recovery(), ActivationIT.INVITATION::equals, ActivationIT.MAIL_WAIT);

        browser.open("/admin/import");
        browser.find("#envoi\\:fichier").sendKeys(file.toAbsolutePath().toString());
        browser.find("#envoi\\:importer").click();
        browser.waitForText("#etat-import", "Import terminé");

        assertThat(browser.text("#invites")).isEqualTo("0");
        assertThat(browser.text("#inchanges")).isEqualTo("2");
        assertThat(browser.text("#rejetees")).isEqualTo("0");
        Mailboxes.sleep(3000); // what would have been sent has had time to arrive
        assertThat(Mailboxes.count(one.recovery(), ActivationIT.INVITATION::equals)).isEqualTo(1);
        assertThat(Mailboxes.count(two.recovery(), ActivationIT.INVITATION::equals)).isEqualTo(1);
    }

    @Test
    void fiveHomonymsInOneChunkGetFiveNumberedIdentifiantsAndAddresses(Browser browser) throws Exception {
        // More homonyms than the chunk's one search asks for (three numbers): the last ones go the long way.
        String surname = "Homonyme" + HrFile.randomLetters(6);
        HrFile hr = new HrFile();
        java.util.List<HrFile.Agent> agents = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            agents.add(hr.add(new HrFile.Agent(HrFile.newNumen(), surname, "Camille", "0801234A",
                    "it.homonyme" + i + HrFile.randomLetters(6) + "@example.org", "")));
        }
        importAsAdmin(browser, hr.write());
        assertThat(browser.text("#invites")).isEqualTo("5");

        java.util.Set<String> identifiants = new java.util.TreeSet<>();
        java.util.Set<String> addresses = new java.util.TreeSet<>();
        for (HrFile.Agent agent : agents) {
            Mailboxes.Mail invitation = Mailboxes.await(agent.recovery(), ActivationIT.INVITATION::equals, ActivationIT.MAIL_WAIT);
            identifiants.add(invitation.find("Identifiant : (\\S+)"));
            addresses.add(invitation.find("Adresse académique : (\\S+)"));
        }
        String base = identifiants.iterator().next();
        assertThat(identifiants).containsExactlyInAnyOrder(base, base + "2", base + "3", base + "4", base + "5");
        assertThat(addresses).hasSize(5);
    }

    @Test
    void refusedLinesAreReportedWithTheirNumberAndAFrenchReason(Browser browser) throws Exception {
        HrFile hr = new HrFile();
        HrFile.Agent good = hr.add("Léon", "Marchand", "0801234A", "");
        String duplicated = HrFile.newNumen();
        hr.addRaw("20E15;Petit;Ana;0801234A;ana@example.org;;2026-09-01")                               // line 3
                .addRaw(HrFile.newNumen() + ";;Ana;0801234A;ana@example.org;;2026-09-01")                // line 4
                .addRaw(HrFile.newNumen() + ";Petit;Ana;0801234A;ana.petit@ac-amiens.fr;;2026-09-01")    // line 5
                .addRaw(HrFile.newNumen() + ";*)(uid=*;Ana;0801234A;ana@example.org;;2026-09-01")        // line 6
                .addRaw(duplicated + ";Lemoine;Ana;0801234A;ana.l@example.org;;2026-09-01")              // line 7
                .addRaw(duplicated + ";Lemoine;Ana;0801234A;ana.l@example.org;;2026-09-01")              // line 8
                .addRaw("20E1501234CMA;Martin;Claire;0801234A;claire.martin@example.org;;2026-09-01")   // line 9
                .addRaw("=HYPERLINK(\"http://evil\");Petit;Ana;0801234A;ana@example.org;;2026-09-01");  // line 10
        importAsAdmin(browser, hr.write());

        assertThat(browser.text("#invites")).isEqualTo("2"); // Léon and the first Lemoine
        assertThat(browser.text("#rejetees")).isEqualTo("7");
        Mailboxes.await(good.recovery(), ActivationIT.INVITATION::equals, ActivationIT.MAIL_WAIT);
        String report = download(browser, browser.find("#rapport").getAttribute("href")).replace("\uFEFF", "");

        assertThat(report).startsWith("\"Ligne\";\"Motif\";\"Valeur\"");
        assertThat(firstBytes(browser, browser.find("#rapport").getAttribute("href")))
                .as("a byte-order mark, so that spreadsheets read UTF-8").containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(report.lines()).hasSize(8);
        assertThat(report).contains("3;\"", "4;\"", "5;\"", "6;\"", "8;\"", "9;\"", "10;\"")
                .contains("Agent déjà actif")
                .doesNotContain("20E1501234CMA", duplicated, "\"=HYPERLINK");
    }

    @Test
    void aFileInAnotherEncodingIsRefusedWhole(Browser browser) throws Exception {
        Path file = Files.createTempFile("affectations-latin1-", ".csv");
        Files.write(file, (HrFile.newNumen() + ";Hélène;Bérénice;0801234A;helene@example.org;;2026-09-01\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        browser.logIn("admin1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/admin/import");
        browser.find("#envoi\\:fichier").sendKeys(file.toAbsolutePath().toString());
        browser.find("#envoi\\:importer").click();

        browser.waitForText("#envoi\\:fichier-erreur", "UTF-8");
        assertThat(browser.findAll("#etat-import")).isEmpty();
    }

    @Test
    void anEmptyUploadIsRefusedCalmly(Browser browser) {
        browser.logIn("admin1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/admin/import");
        browser.find("#envoi\\:importer").click();

        browser.waitForText("#envoi\\:fichier-erreur", "Choisissez un fichier");
        browser.assertNoTechnicalDetail();
    }

    @Test
    void onlyAnAdministratorMayImport(Browser browser) throws Exception {
        browser.logIn("hotline1", DEMO_PASSWORD);
        browser.waitForPath("/compte");

        browser.open("/admin/import");

        browser.waitFor("#erreur-403");
        assertThat(Https.get(ItSettings.url("/admin/import/rapport?import=1")).statusCode()).isIn(302, 401, 403);
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<Integer> firstBytes(Browser browser, String url) {
        java.util.List<Long> bytes = (java.util.List<Long>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.arrayBuffer())"
                        + ".then(b => done(Array.from(new Uint8Array(b).slice(0, 3))));", url);
        return bytes.stream().map(Long::intValue).toList();
    }

    static String download(Browser browser, String url) {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", url));
    }
}
