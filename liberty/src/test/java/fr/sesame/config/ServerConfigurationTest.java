package fr.sesame.config;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server configurations hold together: every variable they use is defined (or, in production,
 * expected from the environment and documented), and production carries no dev part.
 */
class ServerConfigurationTest {

    private static final Path CONFIG = Path.of("src/main/liberty/config");
    private static final Path PRODUCTION = Path.of("src/main/production");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([a-zA-Z0-9_.\\-]+)}");
    private static final Set<String> LIBERTY_BUILT_INS = Set.of(
            "server.config.dir", "server.output.dir", "shared.resource.dir", "shared.config.dir", "wlp.install.dir",
            "wlp.server.name");
    private static final Pattern ENV_LINE = Pattern.compile("^([A-Z0-9_]+)=", Pattern.MULTILINE);

    @Test
    void theEmbeddedRunDefinesEveryVariableItUses() throws Exception {
        List<Path> files = List.of(CONFIG.resolve("server.xml"), CONFIG.resolve("sesame.xml"));

        assertThat(referenced(files)).isSubsetOf(union(defined(files), LIBERTY_BUILT_INS));
    }

    @Test
    void productionGetsEveryUndefinedVariableFromTheDocumentedEnvironment() throws Exception {
        List<Path> files = List.of(PRODUCTION.resolve("server.xml"), CONFIG.resolve("sesame.xml"));
        Set<String> fromEnvironment = new HashSet<>();
        Matcher line = ENV_LINE.matcher(Files.readString(PRODUCTION.resolve("server.env.example")));
        while (line.find()) {
            fromEnvironment.add(line.group(1));
        }
        Set<String> missing = new HashSet<>(referenced(files));
        missing.removeAll(union(defined(files), LIBERTY_BUILT_INS));

        assertThat(missing).isNotEmpty()
                .allSatisfy(variable -> assertThat(fromEnvironment).contains(environmentName(variable)));
    }

    @Test
    void productionHasNoDevPart() throws Exception {
        String production = Files.readString(PRODUCTION.resolve("server.xml"));
        String shared = Files.readString(CONFIG.resolve("sesame.xml"));

        assertThat(production + shared).doesNotContain("localConnector", "applicationMonitor", "h2", "demo-data",
                "sesame-embedded-only");
        assertThat(production).contains("<include location=\"sesame.xml\"/>", "properties.postgresql", "sessionDatabase-1.0");
    }

    @Test
    void everyFileIsWellFormedAndSharedSettingsStayShared() throws Exception {
        Document embedded = parse(CONFIG.resolve("server.xml"));
        Document production = parse(PRODUCTION.resolve("server.xml"));
        Document shared = parse(CONFIG.resolve("sesame.xml"));

        assertThat(elements(shared, "ldapRegistry")).hasSize(1);
        assertThat(elements(embedded, "ldapRegistry")).isEmpty();
        assertThat(elements(shared, "enterpriseApplication")).singleElement()
                .satisfies(app -> assertThat(app.getElementsByTagName("security-role").getLength()).isEqualTo(6));
        assertThat(elements(embedded, "dataSource")).singleElement().extracting(e -> e.getAttribute("jndiName")).isEqualTo("jdbc/sesame");
        assertThat(elements(production, "dataSource")).singleElement().extracting(e -> e.getAttribute("jndiName")).isEqualTo("jdbc/sesame");
    }

    /**
     * /metrics is read by the ops group alone, through Liberty's reader-role, which opens GET on the server's
     * administrative endpoints: none besides /metrics may come in unnoticed with a feature.
     */
    @Test
    void onlyOpsReadTheMetricsAndTheReaderRoleOpensNothingElse() throws Exception {
        Document shared = parse(CONFIG.resolve("sesame.xml"));
        List<Path> files = List.of(CONFIG.resolve("server.xml"), CONFIG.resolve("sesame.xml"), PRODUCTION.resolve("server.xml"),
                Path.of("src/test/liberty-postgresql/server.xml"));

        assertThat(elements(shared, "feature")).extracting(Element::getTextContent).contains("mpMetrics-5.0");
        assertThat(elements(shared, "mpMetrics")).singleElement()
                .satisfies(metrics -> assertThat(metrics.getAttribute("authentication")).isEqualTo("true"));
        assertThat(elements(shared, "reader-role")).singleElement().satisfies(role -> {
            assertThat(elements(role, "group")).extracting(Element::getTextContent).containsExactly("${sesame.ldap.group.ops}");
            assertThat(elements(role, "user")).isEmpty();
            assertThat(elements(role, "special-subject")).isEmpty();
        });
        for (Path file : files) {
            Document document = parse(file);
            assertThat(elements(document, "administrator-role")).as(file + ": nobody administers the server").isEmpty();
            assertThat(elements(document, "feature")).extracting(Element::getTextContent).as(file.toString())
                    .noneMatch(feature -> feature.startsWith("restConnector") || feature.startsWith("adminCenter")
                            || feature.startsWith("batchManagement") || feature.startsWith("openapi") || feature.startsWith("mpOpenAPI"));
        }
    }

    static String environmentName(String variable) {
        return variable.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static Set<String> referenced(List<Path> files) throws IOException {
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            Matcher matcher = REFERENCE.matcher(Files.readString(file));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    private static Set<String> defined(List<Path> files) throws Exception {
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            for (Element variable : elements(parse(file), "variable")) {
                if (variable.hasAttribute("defaultValue") || variable.hasAttribute("value")) {
                    names.add(variable.getAttribute("name"));
                }
            }
        }
        return names;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> elements(Document document, String name) {
        return elements(document.getDocumentElement(), name);
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }
}
