package fr.sesame.benchmark;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import fr.sesame.it.Browser;
import fr.sesame.it.HrFile;
import fr.sesame.it.ItSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark (not a test: it asserts nothing about time): imports an HR file of 35,000 generated lines
 * through the administrator's page into the test directory (embedded, or OpenLDAP in the second run),
 * then adds the same entries to the same directory with a plain loop of LDAP adds through the UnboundID
 * SDK, the limit the import cannot beat. Prints both totals and rates, and writes them to
 * target/benchmark-import-embedded.txt or -openldap.txt.
 * Run: {@code mvn verify -Pbenchmark} (see README).
 */
@ExtendWith(Browser.class)
class ImportBenchmarkIT {

    private static final int LINES = Integer.getInteger("sesame.benchmark.lines", 35_000);
    private static String directoryName;

    @Test
    void importOfAFullHrFile(Browser browser) throws Exception {
        List<String[]> agents = generate(LINES);
        Path file = Files.createTempFile("benchmark-affectations-", ".csv");
        List<String> csv = new ArrayList<>(List.of("NUMEN;Nom;Prénom;UAI;Courriel;Mobile;Date de début"));
        for (String[] agent : agents) {
            csv.add(String.join(";", agent[0], agent[1], agent[2], "0801234A", agent[3], "", "2026-09-01"));
        }
        Files.write(file, csv, StandardCharsets.UTF_8);

        browser.logIn("admin1", ItSettings.DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/admin/import");
        browser.find("#envoi\\:fichier").sendKeys(file.toAbsolutePath().toString());
        long start = System.nanoTime();
        browser.find("#envoi\\:importer").click();
        new WebDriverWait(browser.driver(), Duration.ofMinutes(60)).pollingEvery(Duration.ofSeconds(1))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> browser.findAll("#etat-import").stream().anyMatch(e -> e.getText().startsWith("Import terminé")));
        double importSeconds = (System.nanoTime() - start) / 1e9;
        String invited = browser.text("#invites");

        double plainSeconds = plainLdapAdds(agents);

        String report = String.format(
                "Import of %,d lines (Sésame: batch job, directory + database + outbox): %.1f s, %.0f lines/s, %s invited%n"
                        + "Plain UnboundID LDAP adds of the same entries (one connection, same directory: %s): %.1f s, %.0f entries/s%n"
                        + "Ratio: the import takes %.1f times the plain adds%n",
                LINES, importSeconds, LINES / importSeconds, invited, directoryName, plainSeconds, LINES / plainSeconds,
                importSeconds / plainSeconds);
        System.out.print(report);
        Files.writeString(Path.of("target", "benchmark-import-" + fr.sesame.it.TestDirectory.flavour() + ".txt"), report);
    }

    /**
     * The same entries added one by one to the same directory the import wrote to (embedded or OpenLDAP),
     * as Sésame's service account, as fast as the SDK goes.
     */
    private static double plainLdapAdds(List<String[]> agents) throws Exception {
        try (LDAPConnection connection = new LDAPConnection(ItSettings.HOST, ItSettings.ldapPort())) {
            connection.bind("uid=sesame,ou=services,dc=ac-amiens,dc=fr", "sesame-embedded-only");
            directoryName = fr.sesame.it.TestAgents.directoryName(connection);
            String run = Long.toString(System.currentTimeMillis(), 36);
            long start = System.nanoTime();
            int i = 0;
            for (String[] agent : agents) {
                String uid = "raw" + run + "x" + i++;
                Entry entry = new Entry("uid=" + uid + ",ou=people,dc=ac-amiens,dc=fr");
                entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "sesameAgent");
                entry.addAttribute("uid", uid);
                entry.addAttribute("givenName", agent[2]);
                entry.addAttribute("sn", agent[1]);
                entry.addAttribute("cn", agent[2] + " " + agent[1]);
                entry.addAttribute("mail", uid + "@ac-amiens.fr");
                entry.addAttribute("employeeNumber", agent[0]);
                entry.addAttribute("sesameUai", "0801234A");
                entry.addAttribute("sesameRecoveryMail", agent[3]);
                entry.addAttribute("sesameAccountState", "pending");
                connection.add(entry);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static List<String[]> generate(int count) {
        List<String[]> agents = new ArrayList<>(count);
        java.util.Set<String> numens = new java.util.HashSet<>();
        while (agents.size() < count) {
            String numen = HrFile.newNumen();
            if (!numens.add(numen)) {
                continue;
            }
            String surname = "Bench" + capitalised(HrFile.randomLetters(6));
            String given = capitalised(HrFile.randomLetters(5));
            agents.add(new String[] {numen, surname, given, "bench." + HrFile.randomLetters(8) + "@example.org"});
        }
        return agents;
    }

    private static String capitalised(String letters) {
        return Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
    }
}
