package fr.sesame.it;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /health/ready} follows the directory as it comes and goes, and so does the login page; a
 * mail relay that is away leaves every server ready (the outbox waits for it).
 */
@ExtendWith(Browser.class)
class HealthIT {

    @Test
    void readyWhenEverythingAnswers() throws Exception {
        HttpResponse<String> response = Https.get(ItSettings.url("/health/ready"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"")
                .contains("\"name\":\"directory\"", "\"name\":\"database\"")
                .doesNotContain("127.0.0.1", "sesame-embedded-only");
    }

    @Test
    void downWhileTheDirectoryIsAwayAndUpWhenItComesBack(Browser browser) throws Exception {
        TestDirectory directory = EmbeddedServicesForTests.directory();
        directory.stopListening();
        try {
            HttpResponse<String> down = readinessOnceItIs(503, Duration.ofSeconds(30));
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"")
                    .containsPattern("\\{\"name\":\"directory\",\"status\":\"DOWN\"");

            browser.logIn("cmartin", DEMO_PASSWORD);
            browser.waitFor("#messages .ui-messages-error");
            assertThat(browser.text("#messages")).contains("momentanément indisponible");
        } finally {
            directory.startListening();
        }

        assertThat(readinessWithin(Duration.ofSeconds(30))).isEqualTo(200);
        browser.logIn("cmartin", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        assertThat(browser.text("#nom")).isEqualTo("Claire Martin");
    }

    @Test
    void stillReadyWhileTheMailServerIsAway(Browser browser) throws Exception {
        GreenMail mail = EmbeddedServicesForTests.mail().greenMail();
        mail.stop();
        try {
            Mailboxes.sleep(1500); // older than the readiness answer (SESAME_HEALTH_CACHE_SECONDS)
            HttpResponse<String> ready = Https.get(ItSettings.url("/health/ready"));
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body()).doesNotContain("\"name\":\"mail\"");
            // The administrators see it on the status page.
            browser.logIn("admin1", ItSettings.DEMO_PASSWORD);
            browser.waitForPath("/compte");
            browser.open("/admin");
            assertThat(browser.text("#contenu")).contains("Serveur de messagerie");
        } finally {
            mail.start();
        }
    }

    /** Readiness answers from results a second old (SESAME_HEALTH_CACHE_SECONDS): asked until it says so. */
    private static HttpResponse<String> readinessOnceItIs(int status, Duration limit) throws Exception {
        Instant end = Instant.now().plus(limit);
        HttpResponse<String> response;
        do {
            response = Https.get(ItSettings.url("/health/ready"));
            if (response.statusCode() == status) {
                return response;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(end));
        return response;
    }

    private static int readinessWithin(Duration limit) throws Exception {
        Instant end = Instant.now().plus(limit);
        int status;
        do {
            status = Https.get(ItSettings.url("/health/ready")).statusCode();
            if (status == 200) {
                return status;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(end));
        return status;
    }
}
