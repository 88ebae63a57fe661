package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's import of the établissements from the national directory of schools (the CSV export
 * of the Annuaire de l'éducation), with the sample Sésame ships: 23 lines after the header, 16
 * établissements of the académie d'Amiens, 4 lines of other académies, 3 bad lines. Without scripts:
 * {@link NoScriptIT}.
 */
@ExtendWith(Browser.class)
class SchoolImportIT {

    static final Path SAMPLE = Path.of(System.getProperty("sesame.it.sample-schools", "../docs/annuaire-education-exemple.csv"))
            .toAbsolutePath().normalize(); // Chromium takes only a canonical path to upload

    /** The académie's établissements of the sample, which no other test uses. */
    private static final List<String> SAMPLE_UAIS = List.of("0801480Z", "0801512J", "0801613U", "0801714D", "0801815N",
            "0801916Y", "0802017H", "0601118P", "0601219Z", "0601320J", "0601421U", "0021022A", "0021123K", "0021224V",
            "0021325E", "0802219C");
    /** Of the sample too: the line with no name, and the other académies' établissements. */
    private static final List<String> NEVER_IMPORTED = List.of("0802118T", "0590117G", "0620042J", "0510031G");

    @Test
    void theSampleIsImportedWithItsCountsAndReportAndAgainWithoutADuplicate(Browser browser) throws Exception {
        forgetTheSample();
        browser.logIn("admin1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/admin");
        browser.find("#etablissements").click();
        browser.waitForPath("/admin/etablissements");

        upload(browser, SAMPLE);

        assertThat(browser.text("#crees")).isEqualTo("16");
        assertThat(browser.text("#mis-a-jour")).isEqualTo("0");
        assertThat(browser.text("#inchanges")).isEqualTo("0");
        assertThat(browser.text("#hors-academie")).isEqualTo("4");
        assertThat(browser.text("#rejetees")).isEqualTo("3");
        String report = ImportIT.download(browser, browser.find("#rapport").getAttribute("href")).replace("\uFEFF", "");
        assertThat(report.lines()).hasSize(4);
        assertThat(report).startsWith("\"Ligne\";\"Motif\";\"Valeur\"")
                .contains("17;\"Cet UAI figure déjà sur une ligne précédente", "\"0021325E\"")
                .contains("18;\"UAI (Identifiant_de_l_etablissement) absent ou mal formé", "\"080123A\"")
                .contains("19;\"Nom de l’établissement (Nom_etablissement) absent.\";\"0802118T\"")
                .doesNotContain("Lille", "0590117G", "07709");

        assertThat(schoolCount()).isEqualTo(16);
        assertThat(ItDatabase.texts("select count(*) from school where uai in ('0802118T', '0590117G', '0620042J', '0510031G')"))
                .containsExactly("0");
        assertThat(row("0801714D")).as("a quoted name holding the separator")
                .containsExactly("École maternelle Les Hortillons; site Saint-Leu", "Ecole", "Amiens");
        assertThat(row("0021123K")).as("doubled quotes").containsExactly("Collège \"Les Tilleuls\" – Saint-Quentin", "Collège", "Saint-Quentin");
        assertThat(row("0021224V")).as("accents and a ligature").containsExactly("École élémentaire d'Œuilly", "Ecole", "Œuilly");
        assertThat(row("0021325E")).as("the first line of a school on two sites").containsExactly(
                "Lycée professionnel Jean Macé", "Lycée", "Château-Thierry");
        int allSchools = Integer.parseInt(ItDatabase.texts("select count(*) from school").get(0));

        // The same file again: nothing new, nothing twice.
        upload(browser, SAMPLE);
        assertThat(browser.text("#crees")).isEqualTo("0");
        assertThat(browser.text("#mis-a-jour")).isEqualTo("0");
        assertThat(browser.text("#inchanges")).isEqualTo("16");
        assertThat(browser.text("#rejetees")).isEqualTo("3");
        assertThat(schoolCount()).isEqualTo(16);
        assertThat(ItDatabase.texts("select count(*) from school")).containsExactly(Integer.toString(allSchools));

        // A later file: a school renamed, another moved, one gone from the file (kept: agents may belong to it).
        List<String> later = new ArrayList<>(Files.readAllLines(SAMPLE, StandardCharsets.UTF_8));
        later.replaceAll(line -> line.startsWith("0802219C;") ? line.replace("Collège Jean Racine", "Collège Jean-Racine") : line);
        later.replaceAll(line -> line.startsWith("0601421U;") ? line.replace(";Ermenonville;", ";Senlis;") : line);
        later.removeIf(line -> line.startsWith("0021224V;"));
        upload(browser, write(later));
        assertThat(browser.text("#crees")).isEqualTo("0");
        assertThat(browser.text("#mis-a-jour")).isEqualTo("2");
        assertThat(browser.text("#inchanges")).isEqualTo("13");
        assertThat(row("0802219C")).containsExactly("Collège Jean-Racine", "Collège", "Montdidier");
        assertThat(row("0601421U")).containsExactly("EREA Jean-Jacques Rousseau", "EREA", "Senlis");
        assertThat(row("0021224V")).as("absent from the later file, still known").isNotEmpty();
        assertThat(schoolCount()).isEqualTo(16);

        // The latest runs of this page are the schools', newest first.
        assertThat(browser.text("#derniers")).contains("annuaire");
    }

    @Test
    void theHrImportRefusesAUaiSesameDoesNotKnowUntilItsSchoolIsImported(Browser browser) throws Exception {
        String unknown = "0809876K";
        ItDatabase.update("delete from school where uai = ?", unknown);
        HrFile hr = new HrFile();
        HrFile.Agent known = hr.add("Inès", "Connue", "0801234A", "");
        HrFile.Agent newcomer = hr.add("Noé", "Arrivant", unknown, "");
        Path file = hr.write();
        ImportIT.importAsAdmin(browser, file);

        assertThat(browser.text("#invites")).isEqualTo("1");
        assertThat(browser.text("#rejetees")).isEqualTo("1");
        String report = ImportIT.download(browser, browser.find("#rapport").getAttribute("href"));
        assertThat(report).contains("3;\"Établissement inconnu de Sésame", "\"" + unknown + "\"");
        Mailboxes.await(known.recovery(), ActivationIT.INVITATION::equals, ActivationIT.MAIL_WAIT);

        // Once the school is imported from the directory, the same file invites the agent.
        List<String> directory = new ArrayList<>(List.of(Files.readAllLines(SAMPLE, StandardCharsets.UTF_8).get(0)));
        directory.add(Files.readAllLines(SAMPLE, StandardCharsets.UTF_8).get(1)
                .replace("0801480Z", unknown).replace("Collège Édouard Lucas", "Collège des Tests d’Intégration"));
        upload(browser, write(directory));
        assertThat(row(unknown)).containsExactly("Collège des Tests d’Intégration", "Collège", "Amiens");

        ImportIT.upload(browser, file);
        assertThat(browser.text("#invites")).isEqualTo("1");
        assertThat(browser.text("#inchanges")).isEqualTo("1");
        assertThat(browser.text("#rejetees")).isEqualTo("0");
        Mailboxes.await(newcomer.recovery(), ActivationIT.INVITATION::equals, ActivationIT.MAIL_WAIT);
    }

    @Test
    void aFileThatIsNotTheDirectoryIsRefusedBesideTheFieldAndNothingIsImported(Browser browser) throws Exception {
        browser.logIn("admin1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/admin/etablissements");
        String runsBefore = ItDatabase.texts("select count(*) from import_run").get(0);
        HrFile hr = new HrFile();
        hr.add("Léa", "Perdue", "0801234A", "");

        browser.find("#envoi\\:fichier").sendKeys(hr.write().toAbsolutePath().toString());
        browser.find("#envoi\\:importer").click();

        browser.waitForText("#envoi\\:fichier-erreur", "n’est pas un export de l’Annuaire de l’éducation");
        assertThat(browser.findAll("#etat-import")).isEmpty();
        assertThat(ItDatabase.texts("select count(*) from import_run")).containsExactly(runsBefore);
        // The field says what it is and where its error is.
        assertThat(browser.find("label[for='envoi:fichier']").getText()).isEqualTo("Export de l’Annuaire de l’éducation");
        assertThat(browser.find("#envoi\\:fichier").getAttribute("aria-describedby")).contains("fichier-aide", "envoi:fichier-erreur");
        browser.assertNoTechnicalDetail();
    }

    @Test
    void onlyAnAdministratorMayImportSchools(Browser browser) throws Exception {
        browser.logIn("hotline1", DEMO_PASSWORD);
        browser.waitForPath("/compte");

        browser.open("/admin/etablissements");

        browser.waitFor("#erreur-403");
        assertThat(Https.get(ItSettings.url("/admin/etablissements")).statusCode()).isIn(302, 401, 403);
    }

    /** Uploads the file on the schools page, logged in as an administrator already, and waits until its import is finished. */
    private static void upload(Browser browser, Path file) {
        browser.open("/admin/etablissements");
        browser.find("#envoi\\:fichier").sendKeys(file.toAbsolutePath().toString());
        browser.find("#envoi\\:importer").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> browser.path().equals("/admin/etablissements")
                        && browser.findAll("#etat-import").stream().anyMatch(e -> e.getText().startsWith("Import terminé")));
    }

    private static void forgetTheSample() {
        List<String> all = new ArrayList<>(SAMPLE_UAIS);
        all.addAll(NEVER_IMPORTED);
        ItDatabase.update("delete from school where uai in (" + String.join(",", all.stream().map(uai -> "?").toList()) + ")",
                all.toArray());
    }

    private static int schoolCount() {
        return Integer.parseInt(ItDatabase.texts("select count(*) from school where uai in ("
                + String.join(",", SAMPLE_UAIS.stream().map(uai -> "?").toList()) + ")", SAMPLE_UAIS.toArray()).get(0));
    }

    /** Name, kind and city of the school, as the database has them; empty when unknown. */
    private static List<String> row(String uai) {
        List<String> row = new ArrayList<>();
        row.addAll(ItDatabase.texts("select name from school where uai = ?", uai));
        row.addAll(ItDatabase.texts("select kind from school where uai = ?", uai));
        row.addAll(ItDatabase.texts("select city from school where uai = ?", uai));
        return row;
    }

    private static Path write(List<String> lines) throws java.io.IOException {
        Path file = Files.createTempFile("annuaire-", ".csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }
}
