package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login lives in the session its login page opened, and no longer than the account allows: a
 * password change ends the agent's other sessions at once (the one that changed it goes on, under a
 * new id, and its own requests under way are not ended by it), a logout kills the single sign-on
 * token, and the token alone opens nothing.
 */
@ExtendWith(Browser.class)
class SessionsIT {

    private static final String PASSWORD = "Trousse-Verte-Du-Jeudi-3";
    private static final String NEW_PASSWORD = "Cartable-Jaune-Du-Lundi-8";

    private static String newAgent() {
        String identifiant = TestAgents.newIdentifiant("sess-");
        TestAgents.addFromTests(TestAgents.active(identifiant, Instant.now().minus(Duration.ofDays(3)),
                identifiant + "@perso.example.org", PASSWORD, HrFile.newNumen()));
        return identifiant;
    }

    /** A new agent, logged in in this browser. */
    private static String loggedInAgent(Browser browser) {
        String identifiant = newAgent();
        browser.logIn(identifiant, PASSWORD);
        browser.waitForPath("/compte");
        return identifiant;
    }

    private static HttpResponse<String> account(String cookies) throws Exception {
        return Https.send(HttpRequest.newBuilder(ItSettings.url("/compte")).header("Cookie", cookies).build());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** Only the named cookies of a Cookie header. */
    private static String only(String cookies, String name) {
        return Arrays.stream(cookies.split("; ")).filter(cookie -> cookie.startsWith(name + "="))
                .collect(Collectors.joining("; "));
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndKeepsThisOneUnderANewId(Browser browser) throws Exception {
        String identifiant = loggedInAgent(browser);
        String otherDevice = browser.cookieHeader();
        assertThat(account(otherDevice).statusCode()).isEqualTo(200);

        browser.driver().manage().deleteAllCookies();
        browser.logIn(TestAgents.academicAddress(identifiant), PASSWORD);
        browser.waitForPath("/compte");
        String before = browser.cookie("JSESSIONID");
        changePassword(browser);

        assertThat(browser.cookie("JSESSIONID")).as("a new session id").isNotEqualTo(before);
        browser.open("/compte");
        browser.waitFor("#identifiant");
        assertThat(browser.text("#identifiant")).isEqualTo(identifiant);

        HttpResponse<String> elsewhere = account(otherDevice);
        assertThat(elsewhere.statusCode()).isEqualTo(302);
        assertThat(location(elsewhere)).endsWith("/connexion?refus=session-terminee");
        browser.driver().manage().deleteAllCookies();
        browser.open("/connexion?refus=session-terminee");
        assertThat(browser.text("#refus")).contains("Votre session a été fermée");
    }

    private static void changePassword(Browser browser) {
        browser.open("/compte/mot-de-passe");
        browser.type("#changement\\:actuel", PASSWORD);
        browser.type("#changement\\:motDePasse", NEW_PASSWORD);
        browser.type("#changement\\:confirmation", NEW_PASSWORD);
        browser.submit("#changement\\:changer");
        browser.waitFor("#mot-de-passe-modifie");
    }

    @Test
    void thePasswordFormWorksWithoutJavaScript(Browser browser) throws Exception {
        // What a browser without JavaScript sends: the form's own fields, nothing a script adds.
        loggedInAgent(browser);
        String cookies = browser.cookieHeader();
        String page = Https.send(HttpRequest.newBuilder(ItSettings.url("/compte/mot-de-passe"))
                .header("Cookie", cookies).build()).body();
        java.util.regex.Matcher form = java.util.regex.Pattern.compile(
                "<form id=\"changement\"[^>]*action=\"([^\"]*)\"(.*?)</form>", java.util.regex.Pattern.DOTALL)
                .matcher(page);
        assertThat(form.find()).isTrue();
        java.util.regex.Matcher hidden = java.util.regex.Pattern.compile(
                "<input type=\"hidden\" name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(form.group(2));
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        assertThat(fields).containsKeys("jakarta.faces.ViewState", "primefaces.nonce");
        fields.putAll(java.util.Map.of("changement:actuel", PASSWORD, "changement:motDePasse", NEW_PASSWORD,
                "changement:confirmation", NEW_PASSWORD, "changement:changer", ""));
        String body = fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));

        HttpResponse<String> changed = Https.send(HttpRequest.newBuilder(
                        java.net.URI.create("https://localhost:" + ItSettings.httpsPort() + form.group(1).replace("&amp;", "&")))
                .header("Cookie", cookies).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("id=\"mot-de-passe-modifie\"");
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aRequestOfThePageStillUnderTheOldIdLeavesTheLoginAlone(Browser browser) throws Exception {
        // The live check of the new password, sent as the form was submitted, arrives after the change
        // gave the session its new id.
        String identifiant = loggedInAgent(browser);
        String beforeTheChange = browser.cookieHeader();
        changePassword(browser);

        HttpResponse<String> liveCheck = Https.send(HttpRequest.newBuilder(ItSettings.url("/compte/mot-de-passe"))
                .header("Cookie", beforeTheChange).header("Faces-Request", "partial/ajax")
                .POST(HttpRequest.BodyPublishers.ofString("")).build());
        HttpResponse<String> page = account(beforeTheChange);

        assertThat(liveCheck.statusCode()).as(location(liveCheck)).isEqualTo(204);
        assertThat(liveCheck.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(location(page)).endsWith("/connexion?refus=session-expiree");
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
        browser.open("/compte");
        browser.waitFor("#identifiant");
        assertThat(browser.text("#identifiant")).isEqualTo(identifiant);
    }

    @Test
    void theLoginThatChangedThePasswordGoesOnBeforeItNotesTheChangeAndEndsWithTheNextCutoff(Browser browser)
            throws Exception {
        String identifiant = loggedInAgent(browser);
        String otherDevice = browser.cookieHeader();
        browser.driver().manage().deleteAllCookies();
        browser.logIn(identifiant, PASSWORD);
        browser.waitForPath("/compte");
        changePassword(browser);

        // As seen by a request of this login that read its session before the change committed: the
        // cutoff is later than anything the session knows.
        ItDatabase.update("update session_cutoff set valid_after = ? where identifiant = ?",
                java.time.OffsetDateTime.now().plusMinutes(5), identifiant);
        browser.open("/compte");
        browser.waitFor("#identifiant");
        assertThat(location(account(otherDevice))).endsWith("/connexion?refus=session-terminee");

        // A later cutoff made elsewhere (a lock, another change) keeps no one.
        ItDatabase.update("update session_cutoff set kept_login = null where identifiant = ?", identifiant);
        browser.open("/compte");
        browser.waitForPath("/connexion");
        assertThat(browser.text("#refus")).contains("Votre session a été fermée");
    }

    @Test
    void afterLogoutNeitherTheOldSessionNorTheSingleSignOnTokenOpensAnything(Browser browser) throws Exception {
        String identifiant = loggedInAgent(browser);
        String cookies = browser.cookieHeader();
        assertThat(only(cookies, "LtpaToken2")).isNotEmpty();

        browser.submit("#deconnexion\\:logout");

        assertThat(location(account(cookies))).contains("/connexion");
        assertThat(location(account(only(cookies, "LtpaToken2")))).contains("/connexion");
    }

    @Test
    void theSingleSignOnTokenWithoutItsSessionOpensNothing(Browser browser) throws Exception {
        String identifiant = loggedInAgent(browser);
        String cookies = browser.cookieHeader();

        HttpResponse<String> tokenAlone = account(only(cookies, "LtpaToken2"));

        assertThat(tokenAlone.statusCode()).isEqualTo(302);
        assertThat(location(tokenAlone)).endsWith("/connexion?refus=session-expiree");
        // Refusing the stray token ended that login: the browser's session went with it.
        browser.open("/compte");
        browser.waitForPath("/connexion");
    }

    @Test
    void theLoginPageSeenWhileLoggedInKeepsTheSession(Browser browser) throws Exception {
        String identifiant = loggedInAgent(browser);

        browser.open("/connexion");
        browser.open("/compte");

        browser.waitFor("#identifiant");
        assertThat(browser.path()).isEqualTo("/compte");
    }
}
