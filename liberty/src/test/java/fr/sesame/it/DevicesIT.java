package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devices page in the browser (each tab, the logged-in values, the Apple profile, the connection
 * test against the embedded mail server's TLS ports) and the files mail clients fetch by themselves.
 */
@ExtendWith(Browser.class)
class DevicesIT {

    private static final String ADDRESS = "claire.martin@ac-amiens.fr";

    private static String autodiscoverBody(String inside) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + inside;
    }

    private static String autodiscoverRequest(String address) {
        return autodiscoverBody("<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">"
                + "<Request><EMailAddress>" + address + "</EMailAddress><AcceptableResponseSchema>"
                + "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>"
                + "</Request></Autodiscover>");
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return Https.send(HttpRequest.newBuilder(ItSettings.url(path)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    @Test
    void everyTabShowsTheServersAndItsSteps(Browser browser) {
        browser.open("/appareils");
        browser.waitFor("#parametres");
        assertThat(browser.text("#p-imap")).isEqualTo("127.0.0.1");
        assertThat(browser.text("#p-imap-port")).isEqualTo(String.valueOf(ItSettings.imapsPort()));
        assertThat(browser.text("#p-imap-securite")).isEqualTo("SSL/TLS");
        assertThat(browser.text("#p-smtp-port")).isEqualTo(String.valueOf(ItSettings.smtpsPort()));
        assertThat(browser.text("#p-utilisateur")).contains("votre identifiant");
        assertThat(browser.findAll("#connectez-vous")).hasSize(1);
        assertThat(browser.find("#onglet-android").getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.text("#etapes")).contains("Gmail");

        String[][] tabs = {{"iphone", "iPhone / iPad", "Ajouter un compte Mail"}, {"computer", "Ordinateur (Outlook, Mail)", "Outlook"},
                {"thunderbird", "Thunderbird", "Thunderbird trouve seul"}, {"android", "Android", "Personnel (IMAP)"}};
        for (String[] tab : tabs) {
            browser.find("#onglet-" + tab[0]).click();
            browser.waitForText("#titre-famille", tab[1]);
            assertThat(browser.find("#onglet-" + tab[0]).getAttribute("aria-current")).isEqualTo("page");
            assertThat(browser.text("#etapes")).contains(tab[2]).contains("127.0.0.1");
            assertThat(browser.text("#p-smtp")).isEqualTo("127.0.0.1");
        }
        browser.open("/appareils?appareil=iphone");
        assertThat(browser.findAll("#profil-connexion")).hasSize(1);
        assertThat(browser.findAll("#profil")).isEmpty();
        browser.open("/appareils?appareil=%3Cscript%3E");
        assertThat(browser.text("#titre-famille")).isEqualTo("Android");
        assertThat(browser.text("#consignes")).contains("Verrouillez l’écran", "appareil partagé");
        browser.assertNoTechnicalDetail();
    }

    @Test
    void aLoggedInAgentSeesTheirOwnValuesAndDownloadsTheirProfile(Browser browser) throws Exception {
        browser.logIn("cmartin", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/appareils?appareil=iphone");
        browser.waitFor("#profil");
        assertThat(browser.text("#p-adresse")).isEqualTo(ADDRESS);
        assertThat(browser.text("#p-utilisateur")).isEqualTo("cmartin");
        assertThat(browser.text("#vos-reglages")).contains(ADDRESS, "cmartin");
        assertThat(browser.findAll("#qr-profil svg path")).hasSize(1);

        HttpResponse<String> profile = Https.send(HttpRequest.newBuilder(URI.create(browser.find("#profil").getAttribute("href")))
                .header("Cookie", browser.cookieHeader()).GET().build());
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/x-apple-aspen-config"));
        assertThat(profile.body()).contains("<string>com.apple.mail.managed</string>", "<string>" + ADDRESS + "</string>",
                "<key>IncomingMailServerUsername</key><string>cmartin</string>", "<string>127.0.0.1</string>")
                .doesNotContain(DEMO_PASSWORD);

        // Nobody else downloads it: without the login, the profile sends to the login page.
        HttpResponse<String> anonymous = Https.get(ItSettings.url("/compte/appareils/profil"));
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("/connexion"));
        assertThat(anonymous.body()).doesNotContain("com.apple.mail.managed");
    }

    @Test
    void theConnectionTestTriesTheMailServersWithTheAgentsPassword(Browser browser) {
        browser.logIn("cmartin", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/appareils");
        browser.submit("#test\\:tester");
        assertThat(browser.text("#test\\:motDePasse-erreur")).contains("Saisissez votre mot de passe");

        browser.type("#test\\:motDePasse", "Pas-Le-Bon-Mot-De-Passe-1");
        browser.submit("#test\\:tester");
        assertThat(browser.text("#test\\:motDePasse-erreur")).contains("n’est pas le bon");
        assertThat(browser.findAll("#resultat-imap")).isEmpty();

        browser.type("#test\\:motDePasse", DEMO_PASSWORD);
        browser.submit("#test\\:tester");
        browser.waitFor("#tout-va-bien");
        assertThat(browser.text("#resultat-imap")).contains("127.0.0.1", String.valueOf(ItSettings.imapsPort()), "accepte");
        assertThat(browser.text("#resultat-smtp")).contains(String.valueOf(ItSettings.smtpsPort()), "accepte");
        assertThat(browser.find("#test\\:motDePasse").getAttribute("value")).isEmpty();
        browser.assertNoTechnicalDetail();
    }

    @Test
    void wrongPasswordsInTheConnectionTestLockLikeFailedLogins(Browser browser) {
        String identifiant = TestAgents.newIdentifiant("appareil-");
        TestAgents.addFromTests(TestAgents.active(identifiant, java.time.Instant.now().minus(java.time.Duration.ofDays(3)), null,
                "Cahier-Rouge-Du-Lundi-7", HrFile.newNumen()));
        browser.logIn(identifiant, "Cahier-Rouge-Du-Lundi-7");
        browser.waitForPath("/compte");
        browser.open("/appareils");
        for (int attempt = 0; attempt < 5; attempt++) {
            browser.type("#test\\:motDePasse", "Pas-Le-Bon-Mot-De-Passe-" + attempt);
            browser.submit("#test\\:tester");
            assertThat(browser.text("#test\\:motDePasse-erreur")).contains("n’est pas le bon");
        }
        browser.type("#test\\:motDePasse", "Cahier-Rouge-Du-Lundi-7");
        browser.submit("#test\\:tester");
        assertThat(browser.text("#test\\:motDePasse-erreur")).contains("Trop d’essais");
        assertThat(browser.findAll("#resultat-imap")).isEmpty();
    }

    @Test
    void thunderbirdFindsTheSettingsAtBothAddresses() throws Exception {
        for (String path : new String[] {"/.well-known/autoconfig/mail/config-v1.1.xml",
                "/mail/config-v1.1.xml?emailaddress=claire.martin%40ac-amiens.fr"}) {
            HttpResponse<String> response = Https.get(ItSettings.url(path));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("xml"));
            assertThat(response.body()).contains("<clientConfig version=\"1.1\">", "<emailProvider id=\"ac-amiens.fr\">",
                    "<incomingServer type=\"imap\"><hostname>127.0.0.1</hostname><port>" + ItSettings.imapsPort() + "</port>",
                    "<socketType>SSL</socketType>");
        }
    }

    @Test
    void outlookGetsTheSettingsForAnAddressAndACleanErrorForAnythingElse() throws Exception {
        HttpResponse<String> good = post("/autodiscover/autodiscover.xml", autodiscoverRequest(ADDRESS));
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.body()).contains("<Type>IMAP</Type>", "<Server>127.0.0.1</Server>", "<LoginName>" + ADDRESS + "</LoginName>",
                "<Port>" + ItSettings.smtpsPort() + "</Port>");
        assertThat(post("/Autodiscover/Autodiscover.xml", autodiscoverRequest(ADDRESS)).statusCode()).isEqualTo(200);

        String entity = autodiscoverBody("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Autodiscover><Request>"
                + "<EMailAddress>&x;</EMailAddress></Request></Autodiscover>");
        for (String bad : new String[] {entity, "pas du XML", autodiscoverRequest("quelquun@gmail.com"), "",
                autodiscoverRequest("a".repeat(40_000) + "@ac-amiens.fr")}) {
            HttpResponse<String> refused = post("/autodiscover/autodiscover.xml", bad);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("<ErrorCode>600</ErrorCode>").doesNotContain("root:", "Exception", "at fr.");
        }
    }
}
