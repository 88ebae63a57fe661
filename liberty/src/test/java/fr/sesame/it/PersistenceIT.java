package fr.sesame.it;

import fr.sesame.platform.ClockProducer;
import fr.sesame.platform.InstantConverter;
import fr.sesame.school.School;
import fr.sesame.school.SchoolCatalog;
import fr.sesame.school.Uai;
import fr.sesame.security.AuditEvent;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entities and the services that store them, inside Liberty, against the test server's H2
 * database as Flyway migrated it when Sésame started.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "persistence-it.war")
                .addClasses(AuditTrail.class, AuditEvent.class, AuditEventType.class, fr.sesame.security.AuditRecorded.class,
                        fr.sesame.security.AuditChain.class,
                        fr.sesame.security.AuditChain.Verification.class, fr.sesame.security.AuditChain.Problem.class,
                        fr.sesame.security.AuditQuery.class,
                        School.class, Uai.class, SchoolCatalog.class, fr.sesame.school.SchoolDescription.class,
                        fr.sesame.school.SchoolOutcome.class, InstantConverter.class, ClockProducer.class)
                // every entity persistence.xml lists
                .addClasses(fr.sesame.security.AttemptCounter.class, fr.sesame.security.SessionCutoff.class,
                        fr.sesame.mail.OutboundMessage.class,
                        fr.sesame.mail.MessageChannel.class, fr.sesame.mail.MessageStatus.class,
                        fr.sesame.activation.Invitation.class, fr.sesame.activation.ActivationCode.class,
                        fr.sesame.admin.ImportRun.class, fr.sesame.admin.ImportKind.class, fr.sesame.admin.ImportRejection.class, fr.sesame.admin.ImportStatus.class,
                        fr.sesame.password.PasswordHistoryEntry.class, fr.sesame.password.PasswordReset.class,
                        fr.sesame.password.RotationReminder.class, fr.sesame.support.Ticket.class,
                        fr.sesame.support.Ticket.Request.class, fr.sesame.support.TicketEvent.class,
                        fr.sesame.support.TicketStatus.class, fr.sesame.support.TicketCategory.class,
                        fr.sesame.support.TicketEventType.class, fr.sesame.support.SecurityReportKind.class,
                        fr.sesame.support.HelpArticle.class, fr.sesame.secondfactor.SecondFactor.class,
                        fr.sesame.secondfactor.RecoveryCode.class, fr.sesame.activation.RecoveryAddressChange.class,
                        fr.sesame.departure.Departure.class)
                .addAsResource("META-INF/persistence.xml")
                .addAsResource(new org.jboss.shrinkwrap.api.asset.StringAsset(String.join(",", shippedVersions())), SHIPPED)
                .addAsLibraries(DirectoryIT.jarOf(Assertions.class))
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    AuditTrail audit;

    @Inject
    SchoolCatalog schools;

    @Resource(lookup = "jdbc/sesame")
    DataSource dataSource;

    @Test
    void flywayBroughtTheSchemaToItsLatestVersion() throws Exception {
        assertThat(shippedVersions()).as("the migrations the persistence module ships").hasSizeGreaterThanOrEqualTo(10);
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     // Flyway may also have written a baseline row (version 0) when Liberty's timer or batch
                     // tables were created before it ran, and the demo data is a repeatable (unversioned) script:
                     // only the versioned migrations count here.
                     "select \"version\", \"success\" from \"flyway_schema_history\" where \"type\" = 'SQL' and \"version\" is not null order by \"installed_rank\"")) {
            List<String> versions = new java.util.ArrayList<>();
            while (result.next()) {
                assertThat(result.getBoolean(2)).isTrue();
                versions.add(result.getString(1));
            }
            assertThat(versions).containsExactlyElementsOf(shippedVersions());
        }
    }

    @Test
    void anAuditEventIsStoredAndReadBackWithItsExactMoment() {
        String actor = "it-" + UUID.randomUUID();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusMillis(1);

        audit.record(AuditEventType.LOGIN_FAILED, actor, "192.0.2.10", null);
        audit.record(AuditEventType.LOGIN_SUCCEEDED, actor, "192.0.2.10", "after one mistake");

        List<AuditEvent> events = audit.latestAbout(actor, 10);
        assertThat(events).extracting(AuditEvent::type)
                .containsExactly(AuditEventType.LOGIN_SUCCEEDED, AuditEventType.LOGIN_FAILED);
        assertThat(events.get(0).detail()).isEqualTo("after one mistake");
        assertThat(events.get(0).occurredAt()).isAfterOrEqualTo(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(events.get(0).id()).isNotNull();
    }

    @Test
    void anIdentifiantWithAccentsAndQuotesIsStoredAsTyped() {
        String actor = "Zoé O'Neil \"" + UUID.randomUUID();

        audit.record(AuditEventType.LOGIN_FAILED, actor, null, null);

        assertThat(audit.latestAbout(actor, 1)).singleElement().extracting(AuditEvent::actor).isEqualTo(actor);
    }

    @Test
    void recordingTheNationalDirectoryAddsOrUpdatesByUaiAndRemovesNothing() throws Exception {
        Uai lucas = new Uai("0801480Z");
        Uai racine = new Uai("0802219C");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from school where uai in ('0801480Z', '0802219C')");
        }
        java.util.Optional<String> college = java.util.Optional.of("Collège");

        assertThat(schools.record(List.of(new fr.sesame.school.SchoolDescription(lucas, "Collège Édouard Lucas", college, "Amiens"),
                new fr.sesame.school.SchoolDescription(racine, "Collège Jean Racine", college, "Montdidier"))))
                .containsExactly(fr.sesame.school.SchoolOutcome.CREATED, fr.sesame.school.SchoolOutcome.CREATED);
        assertThat(schools.record(List.of(new fr.sesame.school.SchoolDescription(lucas, "Collège Édouard Lucas", college, "Amiens"),
                new fr.sesame.school.SchoolDescription(racine, "Collège Jean-Racine", java.util.Optional.empty(), "Montdidier"))))
                .containsExactly(fr.sesame.school.SchoolOutcome.UNCHANGED, fr.sesame.school.SchoolOutcome.UPDATED);
        assertThat(schools.record(List.of())).isEmpty();

        assertThat(schools.find(racine)).hasValueSatisfying(school -> {
            assertThat(school.name()).isEqualTo("Collège Jean-Racine");
            assertThat(school.kind()).isEmpty();
        });
        assertThat(schools.find(lucas)).flatMap(School::kind).contains("Collège");
        assertThat(schools.knownAmong(List.of(lucas, racine, new Uai("0999999Z"), lucas))).containsExactlyInAnyOrder(lucas, racine);
        assertThat(schools.knownAmong(List.of())).isEmpty();
    }

    @Test
    void theEmbeddedRunsDemoSchoolsAreKnown() {
        assertThat(schools.find(new Uai("0801234A"))).map(School::name).contains("Collège Jules Verne");
        assertThat(schools.find(new Uai("0999999Z"))).isEmpty();
        assertThat(schools.all()).extracting(School::city).contains("Amiens", "Beauvais", "Laon");
    }

    /** The versions of the migrations the persistence module ships, read where the test archive is built. */
    private static final String SHIPPED = "shipped-migrations.txt";

    /** The versions of the migrations the persistence module ships, in order. */
    private static List<String> shippedVersions() {
        try (java.io.InputStream listed = PersistenceIT.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (listed != null) {
                return List.of(new String(listed.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split(","));
            }
            java.util.regex.Pattern name = java.util.regex.Pattern.compile("V(\\d+)__.*\\.sql");
            java.util.TreeSet<Integer> versions = new java.util.TreeSet<>();
            java.net.URI first = PersistenceIT.class.getClassLoader().getResource("db/migration/V1__schools_and_audit_trail.sql").toURI();
            try (java.nio.file.FileSystem jar = first.getScheme().equals("jar")
                    ? java.nio.file.FileSystems.newFileSystem(first, java.util.Map.of()) : null;
                 java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(first).getParent())) {
                files.map(file -> name.matcher(file.getFileName().toString())).filter(java.util.regex.Matcher::matches)
                        .forEach(matcher -> versions.add(Integer.parseInt(matcher.group(1))));
            }
            return versions.stream().map(String::valueOf).toList();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
