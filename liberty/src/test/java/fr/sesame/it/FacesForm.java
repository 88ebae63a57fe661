package fr.sesame.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form of Sésame sent the way a browser without JavaScript sends it (or a script would): the page is
 * read over HTTP, its view state and hidden fields kept, the fields posted as multipart. One visitor:
 * its own cookies, its own client address.
 */
final class FacesForm {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern WAIT_TOKEN = Pattern.compile("name=\"attente\" value=\"([^\"]*)\"");
    /** What PrimeFaces checks on every form sent back; written in the page for browsers without JavaScript. */
    private static final Pattern NONCE = Pattern.compile("name=\"primefaces.nonce\" value=\"([^\"]*)\"");

    private final HttpClient client;
    private final String clientAddress;
    private final String path;
    private String viewState;
    private String waitToken;
    private String nonce;
    private String action;

    private FacesForm(String path, String clientAddress) {
        this.path = path;
        this.clientAddress = clientAddress;
        this.client = HttpClient.newBuilder().sslContext(Https.trustingContext()).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Reads the page of the form {@code formId} as a visitor from {@code clientAddress}. */
    static FacesForm open(String path, String formId, String clientAddress) throws IOException, InterruptedException {
        FacesForm form = new FacesForm(path, clientAddress);
        String page = form.send(HttpRequest.newBuilder(ItSettings.url(path)).GET()).body();
        form.read(page, formId);
        return form;
    }

    private void read(String page, String formId) {
        Matcher state = VIEW_STATE.matcher(page);
        if (!state.find()) {
            throw new IllegalStateException("No view state in " + path);
        }
        viewState = state.group(1);
        Matcher token = WAIT_TOKEN.matcher(page);
        waitToken = token.find() ? token.group(1) : null;
        Matcher nonceField = NONCE.matcher(page);
        nonce = nonceField.find() ? nonceField.group(1) : null;
        Matcher form = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]*)\"").matcher(page);
        action = form.find() ? form.group(1).replace("&amp;", "&") : path;
    }

    /** From now on the form is sent without the CSP nonce its page was drawn with, as no browser would. */
    FacesForm withoutNonce() {
        nonce = null;
        return this;
    }

    /** From now on the form is sent with this CSP nonce instead of its page's own. */
    FacesForm withNonce(String other) {
        nonce = other;
        return this;
    }

    /** The no-script token the page was drawn with. */
    String waitToken() {
        return waitToken;
    }

    /** Posts the fields (and the view state), with this no-script token; returns the page that answers. */
    HttpResponse<String> post(Map<String, String> fields, String token) throws IOException, InterruptedException {
        String boundary = "----sesame" + UUID.randomUUID();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("jakarta.faces.ViewState", viewState);
        if (token != null) {
            all.put("attente", token);
        }
        if (nonce != null) {
            all.put("primefaces.nonce", nonce);
        }
        StringBuilder body = new StringBuilder();
        all.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(URI.create("https://localhost:" + ItSettings.httpsPort() + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.header("X-Forwarded-For", clientAddress).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
