package fr.sesame.it;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static fr.sesame.it.ItSettings.DEMO_PASSWORD;

/**
 * Every page and servlet of the application, under every way of writing its address, anonymously and
 * as each role: the page answers only at its own address and only to the roles web.xml names; any
 * other spelling is refused or lands on the login, never on the page. The pages are read from the
 * webapp folder and the servlets from their {@code @WebServlet}, and the roles from web.xml: a new
 * page is covered without touching this test.
 */
@ExtendWith(Browser.class)
class AddressFormsIT {

    private static final Path WEB_MODULE = Path.of(System.getProperty("sesame.it.web-module", "../web"));

    /** The demo accounts of each role (demo-directory.ldif) and the roles their groups give. */
    private static final Map<String, Set<String>> USERS = new LinkedHashMap<>();

    static {
        USERS.put("cmartin", Set.of("agent"));
        USERS.put("referent1", Set.of("agent", "referent"));
        USERS.put("hotline1", Set.of("agent", "hotline"));
        USERS.put("expert1", Set.of("agent", "expert"));
        USERS.put("rssi1", Set.of("agent", "rssi"));
        USERS.put("admin1", Set.of("agent", "admin"));
    }

    /** Other ways of writing {@code path}, none of which may show the page. */
    static List<String> otherForms(String path) {
        String bare = path.equals("/") ? "/index" : path;
        return List.of("/faces" + bare, "/faces" + bare + ".xhtml", bare + ".jsf", bare + ".faces", bare + ".xhtml",
                bare + ";jsessionid=0123456789", "/" + bare, "/%2e" + bare, bare + "%2exhtml", bare + ".",
                bare.toUpperCase(Locale.ROOT), "/jakarta.faces.resource/.." + bare, "/jakarta.faces.resource/.." + bare + ".xhtml");
    }

    @TestFactory
    Stream<DynamicTest> everyAddressAnswersOnlyAsWebXmlSays(Browser browser) throws Exception {
        List<String> addresses = addresses();
        List<Constraint> constraints = constraints();
        Map<String, Optional<String>> cookies = new LinkedHashMap<>();
        cookies.put("anonyme", Optional.empty());
        for (String user : USERS.keySet()) {
            browser.driver().manage().deleteAllCookies();
            browser.logIn(user, DEMO_PASSWORD);
            browser.waitForPath("/compte");
            cookies.put(user, Optional.of(browser.cookieHeader()));
        }
        browser.driver().manage().deleteAllCookies();

        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Optional<String>> who : cookies.entrySet()) {
            Set<String> roles = USERS.getOrDefault(who.getKey(), Set.of());
            for (String address : addresses) {
                tests.add(DynamicTest.dynamicTest(who.getKey() + " " + address,
                        () -> check(address, rolesFor(address, constraints), who.getValue(), roles)));
            }
        }
        return tests.stream();
    }

    private static void check(String address, Optional<Set<String>> required, Optional<String> cookie, Set<String> roles)
            throws Exception {
        SoftAssertions softly = new SoftAssertions();
        HttpResponse<String> canonical = get(address, cookie);
        if (required.isPresent() && cookie.isEmpty()) {
            softly.assertThat(landsOnLogin(canonical)).as("%s, anonymous: the login page (got %s)", address, answer(canonical))
                    .isTrue();
        } else if (required.isPresent() && required.get().stream().noneMatch(roles::contains)) {
            softly.assertThat(canonical.statusCode()).as("%s for %s: refused (got %s)", address, roles, answer(canonical)).isEqualTo(403);
            softly.assertThat(canonical.body()).as("%s: the French 403 page", address).contains("id=\"erreur-403\"");
        } else {
            softly.assertThat(canonical.statusCode()).as("%s for %s: the page (got %s)", address, roles, answer(canonical))
                    .isLessThan(500).isNotEqualTo(403);
            softly.assertThat(landsOnLogin(canonical)).as("%s for %s: not sent to the login", address, roles).isFalse();
            softly.assertThat(canonical.headers().firstValue("Location").orElse("")).as("%s for %s: no error page", address, roles)
                    .doesNotContain("/erreur/");
        }
        for (String other : otherForms(address)) {
            HttpResponse<String> response = get(other, cookie);
            int status = response.statusCode();
            softly.assertThat(status == 400 || status == 403 || status == 404 || landsOnLogin(response))
                    .as("%s for %s: refused or the login page, never the page (got %s)", other, roles, answer(response)).isTrue();
        }
        if (cookie.isPresent()) {
            softly.assertThat(get("/compte", cookie).statusCode()).as("after %s and its other forms: still logged in", address)
                    .isEqualTo(200);
        }
        softly.assertAll();
    }

    private static String answer(HttpResponse<String> response) {
        return response.statusCode() + response.headers().firstValue("Location").map(location -> " to " + location).orElse("");
    }

    private static boolean landsOnLogin(HttpResponse<String> response) {
        return response.statusCode() == 302
                && response.headers().firstValue("Location").map(location -> location.endsWith("/connexion")).orElse(false);
    }

    private static HttpResponse<String> get(String path, Optional<String> cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + ItSettings.httpsPort() + path))
                .timeout(Duration.ofSeconds(30)).GET();
        cookie.ifPresent(value -> request.header("Cookie", value));
        return Https.send(request.build());
    }

    /** Every page (from the webapp folder) and every servlet (from its {@code @WebServlet}). */
    static List<String> addresses() throws IOException {
        Set<String> addresses = new TreeSet<>();
        Path webapp = WEB_MODULE.resolve("src/main/webapp");
        try (Stream<Path> files = Files.walk(webapp)) {
            files.filter(file -> file.toString().endsWith(".xhtml"))
                    .map(file -> "/" + webapp.relativize(file).toString().replace('\\', '/'))
                    .filter(page -> !page.startsWith("/WEB-INF/") && !page.startsWith("/resources/"))
                    .map(page -> page.substring(0, page.length() - ".xhtml".length()))
                    .map(page -> page.equals("/index") ? "/" : page)
                    .forEach(addresses::add);
        }
        Pattern servlet = Pattern.compile("@WebServlet\\(([^)]*)\\)");
        Pattern literal = Pattern.compile("\"([^\"]+)\"");
        try (Stream<Path> sources = Files.walk(WEB_MODULE.resolve("src/main/java"))) {
            for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
                Matcher annotation = servlet.matcher(Files.readString(source));
                while (annotation.find()) {
                    Matcher path = literal.matcher(annotation.group(1));
                    boolean any = false;
                    while (path.find()) {
                        addresses.add(path.group(1));
                        any = true;
                    }
                    if (!any) {
                        throw new IllegalStateException(source + ": write the @WebServlet address as text, for this test");
                    }
                }
            }
        }
        if (addresses.size() < 30) {
            throw new IllegalStateException("Only " + addresses.size() + " addresses found under " + WEB_MODULE.toAbsolutePath());
        }
        return new ArrayList<>(addresses);
    }

    /** A security constraint of web.xml that names roles: its URL patterns and roles. */
    record Constraint(List<String> patterns, Set<String> roles) {

        /** The length of the longest pattern that matches, or -1. */
        int match(String path) {
            int best = -1;
            for (String pattern : patterns) {
                boolean matches = pattern.endsWith("/*")
                        ? path.equals(pattern.substring(0, pattern.length() - 2)) || path.startsWith(pattern.substring(0, pattern.length() - 1))
                        : pattern.startsWith("*.") ? path.endsWith(pattern.substring(1)) : path.equals(pattern);
                if (matches) {
                    best = Math.max(best, pattern.length());
                }
            }
            return best;
        }
    }

    static List<Constraint> constraints() throws Exception {
        Document webXml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(WEB_MODULE.resolve("src/main/webapp/WEB-INF/web.xml").toFile());
        List<Constraint> constraints = new ArrayList<>();
        NodeList nodes = webXml.getElementsByTagName("security-constraint");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element constraint = (Element) nodes.item(i);
            NodeList auth = constraint.getElementsByTagName("auth-constraint");
            if (auth.getLength() == 0) {
                continue; // transport only
            }
            constraints.add(new Constraint(texts(constraint, "url-pattern"), Set.copyOf(texts((Element) auth.item(0), "role-name"))));
        }
        return constraints;
    }

    private static List<String> texts(Element parent, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    /** The roles web.xml asks for this address; empty when it is public. */
    static Optional<Set<String>> rolesFor(String path, List<Constraint> constraints) {
        Constraint best = null;
        int bestLength = -1;
        for (Constraint constraint : constraints) {
            int length = constraint.match(path);
            if (length > bestLength) {
                best = constraint;
                bestLength = length;
            }
        }
        return Optional.ofNullable(best).map(Constraint::roles);
    }
}
