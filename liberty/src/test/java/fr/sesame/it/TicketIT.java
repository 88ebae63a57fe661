package fr.sesame.it;

import fr.sesame.mail.OutboundMessage;
import fr.sesame.mail.Outbox;
import fr.sesame.school.Uai;
import fr.sesame.support.SupportSweep;
import fr.sesame.support.Ticket;
import fr.sesame.support.TicketActionRefusedException;
import fr.sesame.support.TicketCategory;
import fr.sesame.support.TicketNotFoundException;
import fr.sesame.support.TicketQuery;
import fr.sesame.support.TicketService;
import fr.sesame.support.TicketStatus;
import fr.sesame.support.Viewer;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ticket service inside Liberty, against the database and the directory: levels, deadlines given
 * their moment, automatic closing, reopening, the experts' third level, and references under
 * concurrent creation.
 */
@ExtendWith(ArquillianExtension.class)
class TicketIT {

    private static final Viewer HOTLINE = new Viewer("hotline1", "Nadia Benali", Set.of("agent", "hotline"), Optional.empty());
    private static final Viewer EXPERT = new Viewer("expert1", "Sophie Marchand", Set.of("agent", "expert"), Optional.empty());

    @Deployment
    static WebArchive deployment() {
        return ServiceArchives.base("ticket-it.war").addClasses(CallerLogin.class)
                .addPackages(false, Filters.exclude(fr.sesame.support.SupportSchedule.class, fr.sesame.support.SecurityReports.class), "fr.sesame.support");
    }

    @Inject
    TicketService tickets;

    @Inject
    SupportSweep sweep;

    @Inject
    Outbox outbox;

    @Resource(lookup = "jdbc/sesame")
    DataSource dataSource;

    @Inject
    HttpServletRequest request;

    private CallerLogin login;

    @BeforeEach
    void logins() {
        login = new CallerLogin(request);
    }

    /** A requester the directory knows, so that the test can call the services as them. */
    private static Viewer newRequester(String prefix) {
        String identifiant = TestAgents.newIdentifiant(prefix);
        TestAgents.addFromTests(TestAgents.active(identifiant, null, identifiant + "@perso.example.org",
                ItSettings.DEMO_PASSWORD, null));
        return new Viewer(identifiant, "Agent", Set.of("agent"), Uai.parse("0801234A"));
    }

    private Ticket open(String requester, String uai, int urgency, int impact) {
        return tickets.open(new Ticket.Request(requester, "Agent " + requester, null, requester + "@perso.example.org",
                requester != null, uai, TicketCategory.PASSWORD, urgency, impact, "Mot de passe refusé",
                "Depuis ce matin.", null), "192.0.2.20");
    }

    private Ticket reload(Ticket ticket) throws Exception {
        return login.as("hotline1", () -> tickets.find(ticket.reference(), HOTLINE));
    }

    private List<OutboundMessage> mailAbout(Ticket ticket) throws Exception {
        return login.as("hotline1", () -> outbox.search(ticket.reference(), 20));
    }

    @Test
    void anUntakenTicketClimbsTheChainAtItsDeadlines() throws Exception {
        Ticket ticket = open("esc" + System.nanoTime(), "0801234A", 3, 2); // priority 2: 48 h to take charge
        assertThat(ticket.level()).isEqualTo(Ticket.SCHOOL);
        Instant created = ticket.createdAt();

        sweep.run(created.plus(Duration.ofHours(47)));
        assertThat(reload(ticket).level()).isEqualTo(Ticket.SCHOOL);

        sweep.run(created.plus(Duration.ofHours(49)));
        assertThat(reload(ticket).level()).isEqualTo(Ticket.HOTLINE);
        assertThat(mailAbout(ticket)).extracting(OutboundMessage::subject)
                .anyMatch(subject -> subject.startsWith("[" + ticket.reference() + "] Demande transmise au niveau 2"));

        sweep.run(created.plus(Duration.ofHours(49 + 49)));
        assertThat(reload(ticket).level()).isEqualTo(Ticket.EXPERTS);
        assertThat(mailAbout(ticket)).filteredOn(mail -> mail.subject().startsWith("[" + ticket.reference() + "] Demande transmise au niveau 3"))
                .extracting(OutboundMessage::recipient).containsExactly("experts@ac-amiens.fr");
        sweep.run(created.plus(Duration.ofDays(60)));
        assertThat(reload(ticket).level()).isEqualTo(Ticket.EXPERTS); // the last level
    }

    @Test
    void aTakenTicketEscalatesOnlyWhenItsResolutionIsLate() throws Exception {
        Ticket ticket = open("tak" + System.nanoTime(), "0801234A", 3, 2); // priority 2: 120 h to resolve
        login.run("hotline1", () -> tickets.take(ticket.reference(), HOTLINE));
        Instant created = ticket.createdAt();
        sweep.run(created.plus(Duration.ofHours(100)));
        assertThat(reload(ticket).level()).isEqualTo(Ticket.SCHOOL);
        sweep.run(created.plus(Duration.ofHours(121)));
        assertThat(reload(ticket).level()).isEqualTo(Ticket.HOTLINE);
    }

    @Test
    void aSchoolWithoutReferentSendsTicketsToTheHotlineAndItsAddressIsTold() throws Exception {
        Ticket ticket = open("laon" + System.nanoTime(), "0020078K", 3, 3);
        assertThat(ticket.level()).isEqualTo(Ticket.HOTLINE);
        assertThat(mailAbout(ticket)).extracting(OutboundMessage::recipient)
                .contains("assistance@ac-amiens.fr").doesNotContain("marc.durand@ac-amiens.fr");
        Ticket amiens = open("ami" + System.nanoTime(), "0801234A", 3, 3);
        assertThat(mailAbout(amiens)).extracting(OutboundMessage::recipient)
                .contains("marc.durand@ac-amiens.fr");
    }

    @Test
    void aResolvedTicketClosesByItselfAfterTheWindowAndReopensOnlyWithinIt() throws Exception {
        Viewer agent = newRequester("reo");
        String requester = agent.identifiant();
        Ticket reopened = open(requester, "0801234A", 2, 2);
        login.run("hotline1", () -> tickets.resolve(reopened.reference(), HOTLINE));
        login.run(requester, () -> tickets.reopen(reopened.reference(), agent, "Toujours refusé"));
        assertThat(reload(reopened).status()).isEqualTo(TicketStatus.IN_PROGRESS);

        Ticket late = open(requester, "0801234A", 2, 2);
        login.run("hotline1", () -> tickets.resolve(late.reference(), HOTLINE));
        moveResolution(late, Duration.ofDays(8));
        assertThatThrownBy(() -> login.run(requester, () -> tickets.reopen(late.reference(), agent, "trop tard")))
                .isInstanceOf(TicketActionRefusedException.class);

        Ticket quiet = open(requester, "0801234A", 2, 2);
        login.run("hotline1", () -> tickets.resolve(quiet.reference(), HOTLINE));
        Instant resolved = reload(quiet).resolvedAt();
        sweep.run(resolved.plus(Duration.ofDays(6)));
        assertThat(reload(quiet).status()).isEqualTo(TicketStatus.RESOLVED);
        sweep.run(resolved.plus(Duration.ofDays(7)).plusSeconds(1));
        assertThat(reload(quiet).status()).isEqualTo(TicketStatus.CLOSED);
        // Reopened: never closed by the clock (late by then, it went up to the hotline instead).
        assertThat(reload(reopened).status()).isNotEqualTo(TicketStatus.CLOSED);
        assertThat(reload(reopened).level()).isEqualTo(Ticket.HOTLINE);
    }

    /** The 600 e-mails of these tickets would keep the test mail server busy for the tests that follow. */
    private void forgetQueuedMail(Set<String> references) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from outbound_message where reference = ? and status = 'QUEUED'")) {
            for (String reference : references) {
                delete.setString(1, reference);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    private void moveResolution(Ticket ticket, Duration back) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update ticket set resolved_at = ? where reference = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now().minus(back)));
            update.setString(2, ticket.reference());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void twoHundredTicketsCreatedAtOnceAllGetDistinctReferences() throws Exception {
        int count = 200;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String requester = "many" + i + "x" + System.nanoTime();
                created.add(pool.submit(() -> {
                    start.await();
                    return open(requester, "0600045T", 2, 2).reference();
                }));
            }
            start.countDown();
            Set<String> references = new HashSet<>();
            for (Future<String> reference : created) {
                references.add(reference.get(2, TimeUnit.MINUTES));
            }
            assertThat(references).hasSize(count).allMatch(reference -> reference.matches("SES-\\d{4}-\\d{6}"));
            forgetQueuedMail(references);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The experts' list narrowed to one reference: how many of it they see. */
    private long inTheExpertsQueue(Ticket ticket) throws Exception {
        TicketQuery query = new TicketQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(ticket.reference()), false, "priority", false);
        return login.as("expert1", () -> tickets.list(query, EXPERT, TicketService.Scope.EXPERTS, 0, 10).total());
    }

    @Test
    void theExpertsWorkTheTicketsPassedToThemAndNoOthers() throws Exception {
        Viewer agent = newRequester("exp");
        String requester = agent.identifiant();
        Ticket passed = open(requester, "0801234A", 3, 3);
        Ticket school = open(requester, "0801234A", 3, 3);
        String reference = passed.reference();

        login.run("hotline1", () -> tickets.escalate(reference, HOTLINE, "Pour la hotline"));
        assertThat(inTheExpertsQueue(passed)).as("level 2: not the experts' yet").isZero();
        assertThatThrownBy(() -> login.run("expert1", () -> tickets.find(reference, EXPERT)))
                .isInstanceOf(TicketNotFoundException.class);
        login.run("hotline1", () -> tickets.escalate(reference, HOTLINE, "Boîte corrompue côté serveur : pour les experts"));
        assertThat(reload(passed).level()).isEqualTo(Ticket.EXPERTS);
        assertThat(mailAbout(passed)).filteredOn(mail -> mail.subject().startsWith("[" + reference + "] Demande transmise au niveau 3"))
                .extracting(OutboundMessage::recipient).containsExactly("experts@ac-amiens.fr");
        assertThat(mailAbout(passed)).filteredOn(mail -> mail.subject().startsWith("[" + reference + "] Demande transmise au niveau 2"))
                .extracting(OutboundMessage::recipient).containsExactly("assistance@ac-amiens.fr");

        // The experts see and work it; a school's level-1 ticket is none of theirs.
        assertThat(inTheExpertsQueue(passed)).isEqualTo(1);
        assertThat(inTheExpertsQueue(school)).isZero();
        assertThatThrownBy(() -> login.run("expert1", () -> tickets.find(school.reference(), EXPERT)))
                .as("a school's ticket").isInstanceOf(TicketNotFoundException.class);
        assertThatThrownBy(() -> login.run("expert1", () -> tickets.take(school.reference(), EXPERT)))
                .isInstanceOf(TicketNotFoundException.class);
        login.run("expert1", () -> tickets.take(reference, EXPERT));
        login.run("expert1", () -> tickets.write(reference, EXPERT, "Note : restaurer la boîte d’hier.", false));
        login.run("expert1", () -> tickets.write(reference, EXPERT, "Votre boîte est restaurée.", true));
        assertThat(mailAbout(passed)).filteredOn(mail -> mail.subject().startsWith("[" + reference + "] Réponse à votre demande"))
                .extracting(OutboundMessage::recipient).containsExactly(requester + "@perso.example.org");
        assertThatThrownBy(() -> login.run("expert1", () -> tickets.escalate(reference, EXPERT, "Plus haut")))
                .as("the last level: nobody above").isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> login.run("expert1", () -> tickets.verifyIdentity(reference, EXPERT)))
                .as("the hotline verifies identities").isInstanceOf(EJBAccessException.class);
        login.run("expert1", () -> tickets.resolve(reference, EXPERT));
        assertThat(reload(passed).status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(reload(passed).takenBy()).isEqualTo("expert1");

        // The requester answers: the experts' address is told, not the hotline's.
        login.run(requester, () -> tickets.reopen(reference, agent, "Il manque les courriels de lundi."));
        assertThat(mailAbout(passed)).filteredOn(mail -> mail.subject().startsWith("[" + reference + "] Nouveau message du demandeur"))
                .extracting(OutboundMessage::recipient).containsExactly("experts@ac-amiens.fr");

        // Not an expert: nothing of their list, no experts' work.
        assertThat(login.as(requester, () -> tickets.list(TicketQuery.all(), agent, TicketService.Scope.EXPERTS, 0, 10).total()))
                .isZero();
        assertThatThrownBy(() -> login.run(requester, () -> tickets.resolve(reference, agent)))
                .as("an agent resolves nothing").isInstanceOf(EJBAccessException.class);

        // A security report pushed up stays the hotline's: the experts never see one.
        Ticket report = tickets.open(new Ticket.Request(requester, "Agent " + requester, null, requester + "@perso.example.org",
                true, "0801234A", TicketCategory.SECURITY, 3, 3, "Quelqu’un utilise mon compte", "Des courriels que je n’ai pas écrits.",
                null), "192.0.2.20");
        login.run("hotline1", () -> tickets.escalate(report.reference(), HOTLINE, "Au troisième niveau"));
        assertThat(reload(report).level()).isEqualTo(Ticket.EXPERTS);
        assertThat(inTheExpertsQueue(report)).isZero();
        assertThatThrownBy(() -> login.run("expert1", () -> tickets.find(report.reference(), EXPERT)))
                .isInstanceOf(TicketNotFoundException.class);
        assertThat(mailAbout(report)).filteredOn(mail -> mail.subject().startsWith("[" + report.reference() + "] Demande transmise"))
                .extracting(OutboundMessage::recipient).containsExactly("assistance@ac-amiens.fr");
    }

    @Test
    void whatIsNotThisPersonsToDoIsRefusedAndChangesNothing() throws Exception {
        Viewer agent = newRequester("ref");
        String requester = agent.identifiant();
        Viewer referent = new Viewer("referent1", "Marc Durand", Set.of("agent", "referent"), Uai.parse("0801234A"));
        Viewer otherSchool = new Viewer("referent2", "Léa Petit", Set.of("agent", "referent"), Uai.parse("0600045T"));
        Ticket ticket = open(requester, "0801234A", 3, 3);
        String reference = ticket.reference();

        assertThatThrownBy(() -> login.run(requester, () -> tickets.write(reference, agent, "Note de l’agent", false)))
                .as("the requester writes no internal note").isInstanceOf(TicketActionRefusedException.class);
        assertThatThrownBy(() -> login.run("referent1", () -> tickets.write(reference, referent, "   ", true)))
                .as("an empty message").isInstanceOf(TicketActionRefusedException.class);
        assertThatThrownBy(() -> login.run(requester, () -> tickets.take(reference, agent)))
                .as("only the support takes a ticket: the service refuses an agent").isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> login.run("referent2", () -> tickets.take(reference, otherSchool)))
                .as("another school's référent does not even see it").isInstanceOf(fr.sesame.support.TicketNotFoundException.class);
        assertThatThrownBy(() -> login.run(requester, () -> tickets.rate(reference, agent, 4)))
                .as("no satisfaction before it is resolved").isInstanceOf(TicketActionRefusedException.class);
        String anonymous = open(null, "0801234A", 3, 3).reference();
        assertThatThrownBy(() -> login.run("referent1", () -> tickets.verifyIdentity(anonymous, referent)))
                .as("only the hotline verifies an identity").isInstanceOf(EJBAccessException.class);
        login.run("hotline1", () -> tickets.verifyIdentity(anonymous, HOTLINE));
        assertThatThrownBy(() -> login.run("hotline1", () -> tickets.verifyIdentity(anonymous, HOTLINE)))
                .as("once").isInstanceOf(TicketActionRefusedException.class);

        login.run("referent1", () -> tickets.escalate(reference, referent, "À vous"));
        assertThatThrownBy(() -> login.run("referent1", () -> tickets.escalate(reference, referent, "Encore")))
                .as("the hotline, not the référent, passes it to the experts").isInstanceOf(TicketActionRefusedException.class);
        assertThat(reload(ticket).level()).isEqualTo(Ticket.HOTLINE);

        login.run("hotline1", () -> tickets.resolve(reference, HOTLINE));
        assertThatThrownBy(() -> login.run(requester, () -> tickets.rate(reference, agent, 5))).isInstanceOf(TicketActionRefusedException.class);
        assertThatThrownBy(() -> login.run("hotline1", () -> tickets.rate(reference, HOTLINE, 4)))
                .as("only the requester answers").isInstanceOf(TicketActionRefusedException.class);
        login.run(requester, () -> tickets.rate(reference, agent, 4));
        assertThatThrownBy(() -> login.run(requester, () -> tickets.rate(reference, agent, 3))).as("once").isInstanceOf(TicketActionRefusedException.class);
        assertThat(reload(ticket).satisfaction()).isEqualTo(4);
    }
}
