package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /metrics}: Prometheus text for the ops group alone (Liberty's reader-role, basic authentication),
 * with Sésame's counters and gauges beside the JVM's; the counters move with what happens in Sésame.
 */
@ExtendWith(Browser.class)
class MetricsIT {

    private static final String OPS = "ops1";
    private static final List<String> SESAME_METRICS = List.of("sesame_logins_total", "sesame_login_lockouts_total",
            "sesame_activations_total", "sesame_password_reset_requests_total", "sesame_rotation_reminders_total",
            "sesame_tickets_opened_total", "sesame_outbox_deliveries_failed_total", "sesame_rotation_sweep_duration_seconds_count",
            "sesame_outbox_queued_messages", "sesame_outbox_retrying_messages", "sesame_outbox_oldest_queued_age_seconds",
            "sesame_directory_up");

    @Test
    void opsReadsPrometheusTextWithSesamesMetricsBesideTheJvms() throws Exception {
        HttpResponse<String> response = metrics("/metrics", OPS, DEMO_PASSWORD);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        Samples samples = Samples.parse(response.body());
        assertThat(samples.names()).as("the JVM's").anyMatch(name -> name.startsWith("jvm_") || name.startsWith("memory_"));
        assertThat(samples.names()).as("Sésame's, each registered at start\n%s", samples.sesame()).containsAll(SESAME_METRICS);
        assertThat(response.body()).contains("# HELP sesame_logins_total ", "# TYPE sesame_logins_total counter");
        assertThat(samples.value("sesame_logins_total", Map.of("outcome", "success", "mp_scope", "application")))
                .as("application scope, one label").isPresent();
        for (String stage : List.of("30", "7", "1")) {
            assertThat(samples.value("sesame_rotation_reminders_total", Map.of("stage", stage))).as("stage " + stage).isPresent();
        }
        for (String outcome : List.of("retry", "refused", "expired")) {
            assertThat(samples.value("sesame_outbox_deliveries_failed_total", Map.of("outcome", outcome))).as(outcome).isPresent();
        }
    }

    @Test
    void theGaugesShowWhatTheirTimerReadInTheDatabaseAndTheDirectory() throws Exception {
        // Read every 15 s (sesame.metrics.refresh-seconds): NaN only before the first reading.
        Samples samples = samplesOnceTheyShow(Duration.ofSeconds(60), read -> read.value("sesame_directory_up", Map.of())
                .filter(up -> up == 1.0).isPresent() && read.value("sesame_outbox_queued_messages", Map.of())
                .filter(queued -> !queued.isNaN()).isPresent());

        assertThat(samples.value("sesame_directory_up", Map.of())).as(samples.sesame()).contains(1.0);
        assertThat(samples.value("sesame_outbox_queued_messages", Map.of())).as(samples.sesame())
                .hasValueSatisfying(queued -> assertThat(queued).isNotNaN().isGreaterThanOrEqualTo(0));
        assertThat(samples.value("sesame_outbox_retrying_messages", Map.of())).as(samples.sesame())
                .hasValueSatisfying(retrying -> assertThat(retrying).isNotNaN().isGreaterThanOrEqualTo(0));
        assertThat(samples.value("sesame_outbox_oldest_queued_age_seconds", Map.of())).as(samples.sesame())
                .hasValueSatisfying(age -> assertThat(age).isNotNaN().isGreaterThanOrEqualTo(0));
    }

    @Test
    void nobodyButOpsReadsIt() throws Exception {
        HttpResponse<String> anonymous = Https.send(request("/metrics").build());
        assertThat(anonymous.statusCode()).as("anonymous").isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWithIgnoringCase("Basic");
        assertThat(anonymous.body()).doesNotContain("sesame_");

        assertThat(metrics("/metrics", OPS, "Pas-Le-Bon-Mot-De-Passe-1").statusCode()).as("ops, wrong password").isEqualTo(401);
        // Agents whose logins no other test makes: Liberty hands the token of a basic login to the same
        // person's next form login on this server, which then fails (README, Known limits).
        for (String user : List.of("jdupont", "ppetit")) {
            HttpResponse<String> refused = metrics("/metrics", user, DEMO_PASSWORD);
            assertThat(refused.statusCode()).as(user + ": the application's roles are not ops").isEqualTo(403);
            assertThat(refused.body()).doesNotContain("sesame_");
        }
        assertThat(Https.get(ItSettings.httpUrl("/metrics")).statusCode()).as("plain HTTP sends to HTTPS, never the figures")
                .isIn(301, 302, 303, 307, 308, 401, 403, 404);
    }

    /** Liberty's reader-role opens GET on the server's administrative endpoints: here, /metrics alone. */
    @Test
    void theReaderRoleOpensNoOtherAdministrativeEndpoint() throws Exception {
        for (String path : List.of("/IBMJMXConnectorREST/mbeans", "/ibm/api/config", "/ibm/api/validation",
                "/ibm/api/batch/jobinstances", "/adminCenter/")) {
            HttpResponse<String> response = metrics(path, OPS, DEMO_PASSWORD);
            assertThat(response.statusCode()).as(path + " as ops").isNotEqualTo(200).isGreaterThanOrEqualTo(400);
        }
        // The container of those endpoints answers, and lists none.
        HttpResponse<String> root = metrics("/ibm/api/", OPS, DEMO_PASSWORD);
        assertThat(root.body()).as("/ibm/api/ as ops").doesNotContain("config", "validation", "batch", "mbeans", "sesame");
    }

    @Test
    void aFailedAndASuccessfulLoginMoveTheirCounters(Browser browser) throws Exception {
        Samples before = Samples.parse(metricsBody());
        double successes = before.value("sesame_logins_total", Map.of("outcome", "success")).orElseThrow();
        double failures = before.value("sesame_logins_total", Map.of("outcome", "failure")).orElseThrow();

        browser.logInWithPasswordOnly("cmartin", "Pas-Le-Bon-Mot-De-Passe-1");
        browser.waitFor("#messages .ui-messages-error");
        browser.logIn("cmartin", DEMO_PASSWORD);
        browser.waitForPath("/compte");

        Samples after = Samples.parse(metricsBody());
        assertThat(after.value("sesame_logins_total", Map.of("outcome", "failure"))).as(after.sesame())
                .hasValueSatisfying(value -> assertThat(value).isGreaterThanOrEqualTo(failures + 1));
        assertThat(after.value("sesame_logins_total", Map.of("outcome", "success"))).as(after.sesame())
                .hasValueSatisfying(value -> assertThat(value).isGreaterThanOrEqualTo(successes + 1));
    }

    /**
     * ops1 is a service identity: no application role. Its right password on Sésame's login page opens
     * nothing and says so, in French, with the login ended at once.
     */
    @Test
    void opsHasNoPlaceInSesamesPages(Browser browser) {
        browser.logInWithPasswordOnly(OPS, DEMO_PASSWORD);
        assertThat(browser.path()).isEqualTo("/connexion");
        assertThat(browser.text("#messages")).contains("Ce compte ne donne accès à aucune page de Sésame");
        browser.assertNoTechnicalDetail();
        assertThat(browser.findAll("#deconnexion\\:logout")).as("not logged in").isEmpty();
        browser.open("/compte");
        browser.waitForPath("/connexion");
    }

    private static String metricsBody() throws Exception {
        HttpResponse<String> response = metrics("/metrics?scope=application", OPS, DEMO_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static Samples samplesOnceTheyShow(Duration limit, java.util.function.Predicate<Samples> shown) throws Exception {
        Instant end = Instant.now().plus(limit);
        Samples samples = Samples.parse(metricsBody());
        while (!shown.test(samples) && Instant.now().isBefore(end)) {
            Thread.sleep(1000);
            samples = Samples.parse(metricsBody());
        }
        return samples;
    }

    private static HttpResponse<String> metrics(String path, String user, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return Https.send(request(path).header("Authorization", "Basic " + credentials).build());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + ItSettings.httpsPort() + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "text/plain").GET();
    }

    /** The samples of a Prometheus text exposition: name, labels, value (comments and timestamps aside). */
    record Samples(List<Sample> all) {

        private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        record Sample(String name, Map<String, String> labels, double value) {
        }

        static Samples parse(String text) {
            List<Sample> samples = new ArrayList<>();
            for (String line : text.split("\n")) {
                Matcher matcher = LINE.matcher(line.strip());
                if (line.startsWith("#") || !matcher.matches()) {
                    continue;
                }
                Map<String, String> labels = new LinkedHashMap<>();
                if (matcher.group(2) != null) {
                    Matcher label = LABEL.matcher(matcher.group(2));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2));
                    }
                }
                samples.add(new Sample(matcher.group(1), labels, parseValue(matcher.group(3))));
            }
            return new Samples(samples);
        }

        private static double parseValue(String value) {
            return switch (value) {
                case "NaN" -> Double.NaN;
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(value);
            };
        }

        List<String> names() {
            return all.stream().map(Sample::name).distinct().toList();
        }

        /** The sum of the samples of that name whose labels include these (other labels, such as mp_app, aside). */
        Optional<Double> value(String name, Map<String, String> labels) {
            List<Sample> matching = all.stream()
                    .filter(sample -> sample.name().equals(name) && sample.labels().entrySet().containsAll(labels.entrySet()))
                    .toList();
            return matching.isEmpty() ? Optional.empty() : Optional.of(matching.stream().mapToDouble(Sample::value).sum());
        }

        /** Sésame's lines, for the message of a failed assertion. */
        String sesame() {
            return String.join("\n", all.stream().filter(sample -> sample.name().startsWith("sesame_")).map(Sample::toString).toList());
        }
    }
}
