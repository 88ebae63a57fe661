package fr.sesame.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every visible text exists in French and in English, and every key a page or a bean uses exists. */
class BundlesTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Path JAVA = Path.of("src/main/java");
    /** msg['key'] in pages, with no expression inside the brackets. */
    private static final Pattern PAGE_KEY = Pattern.compile("msg\\['([A-Za-z0-9_.\\-]+)'\\]");
    /** messages.error("key"), messages.info("key"), messages.text("key"), fieldError(id, "key"). */
    private static final Pattern JAVA_KEY = Pattern.compile(
            "messages\\.(?:error|info|text)\\(\"([A-Za-z0-9_.\\-]+)\"|fieldError\\([^,]+, \"([A-Za-z0-9_.\\-]+)\"");
    /** Keys built in pages from a prefix and a value: each prefix with the values it takes. */
    private static final String[][] BUILT_KEYS = {
            {"login.refused.", "verrouille", "non-active", "indisponible"},
            {"state.", "ACTIVE", "PENDING", "LOCKED"},
            {"role.", "agent", "referent", "hotline", "rssi", "admin"},
            {"admin.component.", "directory", "database", "mail"},
    };

    private static Properties bundle(String language) {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/fr/sesame/web/i18n/messages_" + language + ".properties")) {
            assertThat(in).as("bundle " + language).isNotNull();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() {
        assertThat(new TreeSet<>(bundle("en").stringPropertyNames()))
                .containsExactlyElementsOf(new TreeSet<>(bundle("fr").stringPropertyNames()));
    }

    @Test
    void noTextIsEmpty() {
        for (String language : new String[] {"fr", "en"}) {
            Properties properties = bundle(language);
            assertThat(properties.stringPropertyNames())
                    .allSatisfy(key -> assertThat(properties.getProperty(key)).as(language + " " + key).isNotBlank());
        }
    }

    @Test
    void frenchTextsWithParametersUseTheTypographicApostrophe() {
        // In MessageFormat a straight apostrophe starts a quoted section and swallows the parameters.
        Properties french = bundle("fr");
        assertThat(french.stringPropertyNames())
                .filteredOn(key -> french.getProperty(key).contains("{0}"))
                .allSatisfy(key -> assertThat(french.getProperty(key)).as(key).doesNotContain("'"));
    }

    @Test
    void everyKeyUsedByAPageOrABeanExists() throws IOException {
        Set<String> used = new HashSet<>();
        collect(WEBAPP, ".xhtml", PAGE_KEY, used);
        collect(JAVA, ".java", JAVA_KEY, used);
        for (String[] built : BUILT_KEYS) {
            for (int i = 1; i < built.length; i++) {
                used.add(built[0] + built[i]);
            }
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(bundle("fr").stringPropertyNames()).containsAll(used);
    }

    @Test
    void theFrenchBundleIsTheOneFacesUsesByDefault() {
        assertThat(Messages.format(Locale.FRENCH, "login.submit")).isEqualTo("Se connecter");
        assertThat(Messages.format(Locale.ENGLISH, "login.submit")).isEqualTo("Log in");
        assertThat(Messages.format(Locale.FRENCH, "account.school.unknown", "0801234A")).isEqualTo("Établissement 0801234A");
        assertThat(Messages.format(Locale.FRENCH, "no.such.key")).isEqualTo("???no.such.key???");
    }

    private static void collect(Path root, String suffix, Pattern pattern, Set<String> keys) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(suffix)).forEach(file -> {
                try {
                    Matcher matcher = pattern.matcher(Files.readString(file));
                    while (matcher.find()) {
                        for (int group = 1; group <= matcher.groupCount(); group++) {
                            if (matcher.group(group) != null) {
                                keys.add(matcher.group(group));
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
