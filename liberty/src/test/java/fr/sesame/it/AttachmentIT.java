package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screenshots joined to a ticket: chosen in the browser, checked (kind from the bytes, size, count),
 * downloaded by the requester and the school's référent, by nobody else.
 */
@ExtendWith(Browser.class)
class AttachmentIT {

    private static final String PASSWORD = "Cahier-Rouge-Du-Lundi-7";

    private static Path screenshot(String name) throws IOException {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xC00000);
        Path file = Files.createTempDirectory("capture").resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static String newAgent() {
        String identifiant = TestAgents.newIdentifiant("piece-");
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(3)), null, PASSWORD,
                HrFile.newNumen()));
        return identifiant;
    }

    private static void fillRequest(Browser browser) {
        new Select(browser.find("#demande\\:categorie")).selectByValue("DEVICE");
        browser.type("#demande\\:objet", "Erreur sur mon ordinateur");
        browser.type("#demande\\:description", "Voici la capture du message qui s’affiche.");
    }

    private static HttpResponse<byte[]> download(Browser browser, String href) throws IOException, InterruptedException {
        return Https.sendForBytes(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", browser.cookieHeader()).GET().build());
    }

    @Test
    void aScreenshotTravelsWithTheTicketToTheReferentOnly(Browser browser) throws Exception {
        String agent = newAgent();
        Path capture = screenshot("Capture d’écran 2026-11-29 à 07.02.png");
        byte[] original = Files.readAllBytes(capture);

        browser.logIn(agent, PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/compte/demandes");
        fillRequest(browser);
        browser.find("#demande\\:pieces").sendKeys(capture.toString());
        browser.submit("#demande\\:envoyer");
        String reference = browser.find("#mes-demandes a").getText();

        browser.open("/compte/demande?ref=" + reference);
        browser.waitFor("#pieces-jointes");
        String href = browser.find("#pieces-jointes a").getAttribute("href");
        assertThat(browser.text("#pieces-jointes")).contains("Capture d’écran 2026-11-29 à 07.02.png").contains("Ko");
        HttpResponse<byte[]> mine = download(browser, href);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).isEqualTo(original);
        assertThat(mine.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/png"));
        assertThat(mine.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).startsWith("attachment;").contains("filename*=UTF-8''Capture%20d%E2%80%99%C3%A9cran"));
        browser.submit("#deconnexion\\:logout");

        browser.logIn("referent1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/support/demande?ref=" + reference);
        browser.waitFor("#pieces-jointes");
        assertThat(download(browser, href).body()).isEqualTo(original);
        browser.submit("#deconnexion\\:logout");

        // Another school's référent and another agent get "not found", as for the ticket itself.
        browser.logIn("referent2", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        assertThat(download(browser, href).statusCode()).isEqualTo(404);
        browser.submit("#deconnexion\\:logout");
        String other = newAgent();
        browser.logIn(other, PASSWORD);
        browser.waitForPath("/compte");
        assertThat(download(browser, href).statusCode()).isEqualTo(404);
        assertThat(download(browser, href.replaceAll("id=\\d+", "id=abc")).statusCode()).isEqualTo(404);
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedBesideTheFieldAndNothingIsStored(Browser browser) throws Exception {
        String agent = newAgent();
        Path fake = Files.createTempDirectory("fausse").resolve("capture.png");
        Files.writeString(fake, "<html><script>alert(1)</script></html>", StandardCharsets.UTF_8);
        Path large = Files.createTempDirectory("lourde").resolve("enorme.png");
        byte[] big = new byte[6 * 1024 * 1024];
        new Random(7).nextBytes(big);
        System.arraycopy(Files.readAllBytes(screenshot("petite.png")), 0, big, 0, 8); // a PNG signature, then noise
        Files.write(large, big);

        browser.logIn(agent, PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/compte/demandes");

        fillRequest(browser);
        browser.find("#demande\\:pieces").sendKeys(fake.toString());
        browser.submit("#demande\\:envoyer");
        assertThat(browser.text("#demande\\:pieces-erreur")).contains("« capture.png » n’est ni une image ni un PDF");
        assertThat(browser.find("#demande\\:objet").getAttribute("value")).isEqualTo("Erreur sur mon ordinateur");
        assertThat(browser.findAll("#mes-demandes")).isEmpty();

        browser.find("#demande\\:pieces").sendKeys(large.toString());
        browser.submit("#demande\\:envoyer");
        assertThat(browser.text("#demande\\:pieces-erreur")).contains("« enorme.png » dépasse 5 Mo");

        Path one = screenshot("un.png");
        Path two = screenshot("deux.png");
        Path three = screenshot("trois.png");
        Path four = screenshot("quatre.png");
        browser.find("#demande\\:pieces").sendKeys(one + "\n" + two + "\n" + three + "\n" + four);
        browser.submit("#demande\\:envoyer");
        assertThat(browser.text("#demande\\:pieces-erreur")).contains("3 fichiers au plus");
        assertThat(browser.findAll("#mes-demandes")).isEmpty();
        assertThat(browser.find("#demande\\:pieces").getAttribute("aria-invalid")).isEqualTo("true");

        browser.find("#demande\\:pieces").sendKeys(one + "\n" + two);
        browser.submit("#demande\\:envoyer");
        String reference = browser.find("#mes-demandes a").getText();
        browser.open("/compte/demande?ref=" + reference);
        assertThat(browser.findAll("#pieces-jointes li")).hasSize(2);
        browser.assertNoTechnicalDetail();
    }

    @Test
    void aRequestLargerThanTheWebModuleTakesGetsAFrenchPageNotAnError() throws Exception {
        // The body announced is 70 MiB; the answer must come before any of it is read.
        String head;
        try (javax.net.ssl.SSLSocket socket = Https.socket()) {
            socket.getOutputStream().write(("POST /assistance HTTP/1.1\r\nHost: " + ItSettings.HOST + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + 70 * 1024 * 1024 + "\r\n\r\n--xyz\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            head = new String(socket.getInputStream().readNBytes(400), StandardCharsets.ISO_8859_1);
        }
        assertThat(head).startsWith("HTTP/1.1 302").containsIgnoringCase("Location: ").contains("/erreur/fichiers-trop-lourds");
        HttpResponse<String> page = Https.get(ItSettings.url("/erreur/fichiers-trop-lourds"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Fichiers trop lourds");
    }
}
