package fr.sesame.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the whole run (the embedded directory's, OpenLDAP's and the farm's): no demo NUMEN appears in
 * the audit trail of any database the run wrote, nor in any server log. Every test that typed a NUMEN
 * (activation, forgotten identifiant, the HR import) has run by then.
 */
class NumenLeakIT {

    private static final Pattern EMPLOYEE_NUMBER = Pattern.compile("^employeeNumber: *(\\S+)$", Pattern.MULTILINE);

    @Test
    void noDemoNumenIsInTheAuditTrailOrInAServerLog() throws Exception {
        List<String> numens = demoNumens();
        assertThat(numens).as("the demo directory's NUMENs").hasSizeGreaterThan(10);

        List<String> sources = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (String url : databases()) {
            String trail = trailOf(url);
            sources.add(url);
            numens.stream().filter(numen -> trail.contains(numen.toUpperCase(Locale.ROOT)))
                    .forEach(numen -> leaks.add(numen + " in the audit trail of " + url));
        }
        for (Path log : serverLogs()) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
            sources.add(log.toString());
            numens.stream().filter(numen -> text.contains(numen.toUpperCase(Locale.ROOT)))
                    .forEach(numen -> leaks.add(numen + " in " + log));
        }

        assertThat(sources).as("the run's databases and logs").anyMatch(source -> source.startsWith("jdbc:"))
                .anyMatch(source -> source.endsWith(".log"));
        assertThat(leaks).isEmpty();
    }

    private static List<String> demoNumens() throws IOException {
        String ldif = Files.readString(Path.of("src/main/resources/directory/demo-directory.ldif"));
        List<String> numens = new ArrayList<>();
        Matcher matcher = EMPLOYEE_NUMBER.matcher(ldif);
        while (matcher.find()) {
            numens.add(matcher.group(1));
        }
        return numens;
    }

    /** The databases the run wrote: the embedded run's H2 file, and PostgreSQL's when it ran. */
    private static List<String> databases() {
        List<String> urls = new ArrayList<>();
        for (String property : List.of("sesame.it.db-url", "sesame.it.openldap-db-url", "sesame.it.farm-db-url")) {
            String url = System.getProperty(property);
            if (url == null || url.isBlank()) {
                continue;
            }
            try (Connection connection = connect(url)) {
                urls.add(url);
            } catch (SQLException e) {
                // that run did not happen (skipped while working on another)
            }
        }
        return urls;
    }

    private static Connection connect(String url) throws SQLException {
        // The test servers' account; an H2 file that the run did not write is not created empty.
        return DriverManager.getConnection(url.startsWith("jdbc:h2:") ? url + ";IFEXISTS=TRUE" : url,
                "sesame", "sesame-embedded-only");
    }

    /** Every column of every event, as text, upper case. */
    private static String trailOf(String url) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select * from audit_event")) {
            ResultSetMetaData columns = rows.getMetaData();
            while (rows.next()) {
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    text.append(rows.getString(i)).append('\n');
                }
            }
        }
        return text.toString().toUpperCase(Locale.ROOT);
    }

    /** The log files of every server the run started, under target/. */
    private static List<Path> serverLogs() throws IOException {
        List<Path> logs = new ArrayList<>();
        for (Path root : List.of(Path.of("target/liberty/wlp/usr/servers"), Path.of("target/farm"))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(Files::isRegularFile)
                            .filter(file -> file.toString().contains("/logs/"))
                            .filter(file -> file.getFileName().toString().endsWith(".log"))
                            .forEach(logs::add);
                }
            }
        }
        return logs;
    }
}
