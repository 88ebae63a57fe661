package fr.sesame.farm;

import fr.sesame.it.SecondFactors;

import fr.sesame.it.Https;

import java.io.IOException;
import java.net.CookieManager;
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
 * One person's browser in front of the farm, without JavaScript: its cookies go to whichever member
 * the "load balancer" (the test) sends the next request to, as behind a real one. Forms are read from
 * the page and sent back with their view state, as a browser sends them.
 */
public final class FarmVisitor {

    /** The hidden fields a form carries: its view state, PrimeFaces' nonce, a no-script token. */
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("<form id=\"([^\"]*)\"[^>]*action=\"([^\"]*)\"");

    private static final Pattern SECRET_KEY = Pattern.compile("<code id=\"cle\"[^>]*>([^<]*)</code>");

    private final HttpClient client;
    private final String clientAddress;

    /** A form as the page drew it: where it goes, its hidden fields (view state, PrimeFaces' nonce…). */
    public record Form(String id, String action, Map<String, String> hidden) {
    }

    public FarmVisitor(String clientAddress) {
        this.clientAddress = clientAddress;
        this.client = HttpClient.newBuilder().sslContext(Https.trustingContext()).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A client without cookies, for the readiness check. */
    static HttpClient plainClient() {
        return HttpClient.newBuilder().sslContext(Https.trustingContext()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(Farm.Member member, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(member.url(path)).GET());
    }

    /** The form {@code formId} of the page. */
    public static Form form(HttpResponse<String> page, String formId) {
        String body = page.body();
        Matcher forms = FORM_ACTION.matcher(body);
        String action = null;
        while (forms.find()) {
            if (forms.group(1).equals(formId)) {
                action = forms.group(2).replace("&amp;", "&");
                break;
            }
        }
        if (action == null) {
            throw new IllegalStateException("No form " + formId + " in " + page.uri() + ":\n" + body);
        }
        int start = body.indexOf("<form id=\"" + formId + "\"");
        int end = body.indexOf("</form>", start);
        Matcher hidden = HIDDEN.matcher(body.substring(start, end));
        Map<String, String> fields = new LinkedHashMap<>();
        while (hidden.find()) {
            fields.putIfAbsent(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        return new Form(formId, action, fields);
    }

    /** Sends the form's fields (with its id and hidden fields) to {@code member}. */
    public HttpResponse<String> submit(Farm.Member member, Form form, Map<String, String> fields)
            throws IOException, InterruptedException {
        String boundary = "----sesame" + UUID.randomUUID();
        Map<String, String> all = new LinkedHashMap<>();
        all.put(form.id(), form.id());
        all.putAll(form.hidden());
        all.putAll(fields);
        StringBuilder body = new StringBuilder();
        all.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(member.url(form.action()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    /** Logs in through {@code member}'s login page; returns where the login sent the visitor. */
    public String logIn(Farm.Member member, String login, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get(member, "/connexion");
        HttpResponse<String> answer = submit(member, form(page, "connexion"), Map.of(
                "connexion:identifiant", login, "connexion:motDePasse", password, "connexion:seConnecter", ""));
        String location = answer.headers().firstValue("Location").orElse("");
        if (!location.endsWith("/compte")) {
            return location;
        }
        // The second step: the app's code, or (staff who have none) the enrolment first.
        String next = get(member, "/compte").headers().firstValue("Location").orElse("");
        if (next.endsWith("/connexion/code")) {
            HttpResponse<String> done = submit(member, form(get(member, "/connexion/code"), "saisie"),
                    Map.of("saisie:code", SecondFactors.nextCode(login), "saisie:valider", ""));
            return done.headers().firstValue("Location").orElse("");
        }
        if (next.endsWith("/compte/double-authentification")) {
            HttpResponse<String> started = submit(member, form(get(member, "/compte/double-authentification"), "activation"),
                    Map.of("activation:activer", ""));
            Matcher key = SECRET_KEY.matcher(started.body());
            if (!key.find()) {
                throw new IllegalStateException("No key on the enrolment page:\n" + started.body());
            }
            SecondFactors.enrolled(login, key.group(1));
            HttpResponse<String> confirmed = submit(member, form(started, "confirmation"),
                    Map.of("confirmation:code", SecondFactors.nextCode(login), "confirmation:confirmer", ""));
            if (!confirmed.body().contains("codes-de-secours")) {
                throw new IllegalStateException("The enrolment was not confirmed:\n" + confirmed.body());
            }
        }
        return location;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.header("X-Forwarded-For", clientAddress).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
