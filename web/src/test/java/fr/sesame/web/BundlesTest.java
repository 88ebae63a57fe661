package fr.sesame.web;

import fr.sesame.activation.InvitationOutcome;
import fr.sesame.admin.ImportFileException;
import fr.sesame.admin.ImportStatus;
import fr.sesame.admin.RejectionReason;
import fr.sesame.admin.SchoolRejectionReason;
import fr.sesame.directory.AccountState;
import fr.sesame.mail.MessageChannel;
import fr.sesame.mail.MessageStatus;
import fr.sesame.password.PasswordRule;
import fr.sesame.security.Roles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    /** Keys built in pages and beans from a prefix and a value: each prefix with the values it takes. */
    private static final Map<String, List<String>> BUILT_KEYS = Map.ofEntries(
            Map.entry("login.refused.", List.of("verrouille", "ferme", "non-active", "indisponible", "session-terminee", "session-expiree")),
            Map.entry("outbox.kind.", mailKinds()),
            Map.entry("locks.client.kind.", names(fr.sesame.security.AttemptLimiter.Guarded.values())),
            Map.entry("state.", names(AccountState.values())),
            Map.entry("role.", Roles.ALL),
            Map.entry("admin.component.", List.of("directory", "database", "mail")),
            Map.entry("password.strength.", List.of("0", "1", "2", "3", "4")),
            Map.entry("activation.contact.", List.of("LOCKED", "NO_CONTACT")),
            Map.entry("import.file.", names(ImportFileException.Problem.values())),
            Map.entry("import.run.status.", names(ImportStatus.values())),
            Map.entry("import.state.", names(ImportStatus.values())),
            Map.entry("import.outcome.", names(InvitationOutcome.ALREADY_ACTIVE, InvitationOutcome.ACCOUNT_LOCKED,
                    InvitationOutcome.NO_FREE_IDENTIFIANT, InvitationOutcome.ACCOUNT_CLOSED, InvitationOutcome.ALREADY_ENDED)),
            Map.entry("outbox.channel.", names(MessageChannel.values())),
            Map.entry("outbox.status.", names(MessageStatus.values())));

    /** Every e-mail and SMS Sésame sends (its templates), and the label of a message queued before kinds. */
    private static List<String> mailKinds() {
        Properties mails = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/fr/sesame/mail/i18n/mails_fr.properties")) {
            mails.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> kinds = new TreeSet<>(List.of("unknown"));
        mails.stringPropertyNames().stream().filter(key -> key.endsWith(".subject") || key.endsWith(".sms"))
                .map(key -> key.substring(0, key.lastIndexOf('.'))).forEach(kinds::add);
        assertThat(kinds).contains("code", "password-reset");
        return List.copyOf(kinds);
    }

    private static List<String> names(Enum<?>... values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

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
        used.removeIf(key -> key.endsWith(".")); // a prefix: its keys are in BUILT_KEYS
        BUILT_KEYS.forEach((prefix, values) -> values.forEach(value -> used.add(prefix + value)));
        Arrays.stream(PasswordRule.values()).map(PasswordRule::bundleKey).forEach(used::add);
        Arrays.stream(RejectionReason.values()).map(RejectionReason::bundleKey).forEach(used::add);
        Arrays.stream(SchoolRejectionReason.values()).map(SchoolRejectionReason::bundleKey).forEach(used::add);
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
