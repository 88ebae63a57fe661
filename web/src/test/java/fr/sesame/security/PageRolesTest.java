package fr.sesame.security;

import jakarta.inject.Named;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.beans.Introspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind every URL rule of web.xml, the beans of its pages check the roles themselves: a bean used only
 * by pages that web.xml reserves to some roles carries {@link RequiresRole} with no other role, so
 * that reaching the page by another address would still give nothing. Read from the pages, the beans
 * and web.xml: a new staff page is covered without touching this test.
 */
class PageRolesTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Pattern BEAN_USE = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9]*)[.}\\[ ]");

    @Test
    void everyBeanOfAReservedPageChecksTheRolesOfItsPages() throws Exception {
        Map<String, Class<?>> beans = namedBeans();
        List<Constraint> constraints = constraints();
        Map<String, List<Optional<Set<String>>>> usesByBean = new HashMap<>();
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            for (Path page : files.filter(file -> file.toString().endsWith(".xhtml")).toList()) {
                String path = "/" + WEBAPP.relativize(page).toString().replace('\\', '/').replaceAll("\\.xhtml$", "");
                if (path.startsWith("/WEB-INF/")) {
                    continue; // includes and the template: counted with the pages that use them
                }
                Optional<Set<String>> roles = rolesFor(path, constraints);
                Matcher use = BEAN_USE.matcher(Files.readString(page));
                while (use.find()) {
                    if (beans.containsKey(use.group(1))) {
                        usesByBean.computeIfAbsent(use.group(1), name -> new ArrayList<>()).add(roles);
                    }
                }
            }
        }
        int reserved = 0;
        for (Map.Entry<String, List<Optional<Set<String>>>> bean : usesByBean.entrySet()) {
            if (bean.getValue().stream().anyMatch(Optional::isEmpty)) {
                continue; // also on a public page
            }
            reserved++;
            Set<String> allowed = new HashSet<>();
            bean.getValue().forEach(roles -> allowed.addAll(roles.orElseThrow()));
            RequiresRole rule = beans.get(bean.getKey()).getAnnotation(RequiresRole.class);
            assertThat(rule).as("%s is used only on pages reserved to %s: it must say so", bean.getKey(), allowed).isNotNull();
            assertThat(Set.of(rule.value())).as(bean.getKey()).isNotEmpty().isSubsetOf(allowed);
        }
        assertThat(reserved).as("the staff and account pages' beans").isGreaterThanOrEqualTo(10);
    }

    /** Every {@code @Named} bean of the web module by its EL name. */
    private static Map<String, Class<?>> namedBeans() throws IOException, ClassNotFoundException {
        Map<String, Class<?>> beans = new HashMap<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path source : files.filter(file -> file.toString().endsWith(".java")).toList()) {
                String name = JAVA.relativize(source).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.java$", "");
                Class<?> type = Class.forName(name, false, PageRolesTest.class.getClassLoader());
                Named named = type.getAnnotation(Named.class);
                if (named != null) {
                    beans.put(named.value().isEmpty() ? Introspector.decapitalize(type.getSimpleName()) : named.value(), type);
                }
            }
        }
        return beans;
    }

    private record Constraint(List<String> patterns, Set<String> roles) {
    }

    private static List<Constraint> constraints() throws Exception {
        Document webXml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(WEBAPP.resolve("WEB-INF/web.xml").toFile());
        List<Constraint> constraints = new ArrayList<>();
        NodeList nodes = webXml.getElementsByTagName("security-constraint");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element constraint = (Element) nodes.item(i);
            NodeList auth = constraint.getElementsByTagName("auth-constraint");
            if (auth.getLength() > 0) {
                constraints.add(new Constraint(texts(constraint, "url-pattern"), Set.copyOf(texts((Element) auth.item(0), "role-name"))));
            }
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

    /**
     * The constraint the container applies, as the servlet specification chooses it: an exact pattern
     * first, then the longest path prefix ({@code /hotline/agents} before {@code /hotline/*}).
     */
    private static Optional<Set<String>> rolesFor(String path, List<Constraint> constraints) {
        Optional<Set<String>> best = Optional.empty();
        int bestLength = -1;
        for (Constraint constraint : constraints) {
            for (String pattern : constraint.patterns()) {
                if (!pattern.endsWith("/*")) {
                    if (path.equals(pattern)) {
                        return Optional.of(constraint.roles());
                    }
                    continue;
                }
                String prefix = pattern.substring(0, pattern.length() - 2);
                boolean matches = path.equals(prefix) || path.startsWith(prefix + "/");
                if (matches && prefix.length() > bestLength) {
                    best = Optional.of(constraint.roles());
                    bestLength = prefix.length();
                }
            }
        }
        return best;
    }
}
