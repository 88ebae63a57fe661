package fr.sesame.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.List;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** Transport and browser protections on every response. */
@ExtendWith(Browser.class)
class SecurityHeadersIT {

    @Test
    void plainHttpIsRedirectedToHttps() throws Exception {
        HttpResponse<String> response = Https.get(ItSettings.httpUrl("/connexion"));

        assertThat(response.statusCode()).isBetween(301, 308);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("https://localhost:" + ItSettings.httpsPort() + "/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/connexion", "/nimporte-quoi"})
    void everyPageCarriesTheProtectiveHeaders(String path) throws Exception {
        HttpResponse<String> response = Https.get(ItSettings.url(path));

        var headers = response.headers();
        assertThat(headers.firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
        List<String> policies = headers.allValues("Content-Security-Policy");
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0)).contains("frame-ancestors 'none'", "object-src 'none'", "default-src 'self'")
                .containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=]+'")
                .doesNotContain("unsafe-eval");
    }

    /** Anonymous pages too: the reset page carries its link's token, the activation a prefilled address. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/connexion", "/mot-de-passe-oublie?jeton=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
            "/activation", "/assistance", "/nimporte-quoi"})
    void noPageIsKeptInACache(String path) throws Exception {
        assertThat(Https.get(ItSettings.url(path)).headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void stylesAndScriptsMayBeCached() throws Exception {
        String page = Https.get(ItSettings.url("/connexion")).body();
        java.util.regex.Matcher styleSheet = java.util.regex.Pattern.compile("href=\"((?:/faces)?/jakarta\\.faces\\.resource/[^\"]+)\"").matcher(page);
        assertThat(styleSheet.find()).isTrue();

        HttpResponse<String> resource = Https.get(ItSettings.url(styleSheet.group(1).replace("&amp;", "&")));

        assertThat(resource.statusCode()).isEqualTo(200);
        assertThat(resource.headers().firstValue("Cache-Control").orElse("")).doesNotContain("no-store");
    }

    @Test
    void theNonceChangesOnEveryPage() throws Exception {
        String first = Https.get(ItSettings.url("/")).headers().firstValue("Content-Security-Policy").orElseThrow();
        String second = Https.get(ItSettings.url("/")).headers().firstValue("Content-Security-Policy").orElseThrow();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void sessionCookiesAreSecureHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> response = Https.get(ItSettings.url("/"));

        assertThat(response.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("Secure", "HttpOnly", "SameSite="));
    }

    @Test
    void pagesRunUnderTheContentSecurityPolicyWithoutViolations(Browser browser) {
        browser.open("/");
        browser.open("/connexion");
        browser.logIn("admin1", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        browser.open("/admin");
        browser.waitFor("#composants");

        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.cookie("LtpaToken2")).as("single sign-on cookie kept from scripts").isNotNull();
        assertThat(browser.driver().manage().getCookieNamed("LtpaToken2").isHttpOnly()).isTrue();
        assertThat(browser.driver().manage().getCookieNamed("LtpaToken2").isSecure()).isTrue();
    }

    @Test
    void personalPagesAreNotKeptInTheBrowserCache(Browser browser) {
        browser.logIn("cmartin", DEMO_PASSWORD);
        browser.waitForPath("/compte");
        Object cacheControl = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[0]; fetch('/compte').then(r => done(r.headers.get('Cache-Control')));");

        assertThat(String.valueOf(cacheControl)).contains("no-store");
    }
}
