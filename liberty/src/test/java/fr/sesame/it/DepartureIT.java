package fr.sesame.it;

import com.unboundid.ldap.sdk.LDAPConnection;
import fr.sesame.activation.InvitationOutcome;
import fr.sesame.activation.InvitationService;
import fr.sesame.admin.Assignment;
import fr.sesame.departure.DepartureRun;
import fr.sesame.departure.Departures;
import fr.sesame.directory.AccountState;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.directory.Numen;
import fr.sesame.password.PasswordResetService;
import fr.sesame.school.Uai;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Departures inside the server, on the real directory and database: the nightly run is given the day it
 * runs for (time moved, not waited), and what it did is read back from the directory (state, the bind the
 * mail servers make, the groups) and the database (the notice queued, links dead).
 */
@ExtendWith(ArquillianExtension.class)
class DepartureIT {

    private static final String PASSWORD = "Classeur-Jaune-Du-Jeudi-4";
    private static final String AGENTS_GROUP = "cn=sesame-agents,ou=groups,dc=ac-amiens,dc=fr";

    @Deployment
    static WebArchive deployment() {
        return AttemptLimitsIT.deployment();
    }

    @Inject
    Departures departures;

    @Inject
    DepartureRun run;

    @Inject
    InvitationService invitations;

    @Inject
    PasswordResetService resets;

    @Inject
    Directory directory;

    @Resource(lookup = "jdbc/sesame")
    DataSource dataSource;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    @Test
    void theAgentIsToldThenTheAccountClosesTheNightAfterTheLastDayThenLeavesTheGroups() throws Exception {
        String id = activeAgent("depart-");
        LocalDate last = farDay();
        assertThat(inTransaction(() -> departures.record(agent(id), Optional.of(last), null))).isTrue();
        inTransaction(() -> resets.sendLinkTo(agent(id), null, "test"));

        run.run(last.minusDays(16));
        assertThat(notices(id)).as("sixteen days before: not yet").isEmpty();
        run.run(last.minusDays(15));
        assertThat(notices(id)).singleElement().asString().contains(String.valueOf(last.getYear()));
        run.run(last.minusDays(14));
        assertThat(notices(id)).as("told once").hasSize(1);

        run.run(last);
        assertThat(agent(id).state()).as("on the last day, still open").isEqualTo(AccountState.ACTIVE);
        assertThat(TestAgents.binds(id, PASSWORD)).isTrue();

        DepartureRun.Report night = run.run(last.plusDays(1));
        assertThat(night.accountsClosed()).isPositive();
        assertThat(agent(id).state()).isEqualTo(AccountState.DEPARTED);
        assertThat(TestAgents.binds(id, PASSWORD)).as("the mail servers' bind, once closed").isFalse();
        assertThat(texts("select count(*) from password_reset where identifiant = ? and closed_at is null", id))
                .as("the reset link died").containsExactly("0");
        assertThat(texts("select count(*) from audit_event where actor = ? and type = 'ACCOUNT_DEPARTED'", id)).containsExactly("1");
        assertThat(inGroup(id)).as("still in the groups during the retention").isTrue();

        run.run(last.plusDays(90));
        assertThat(inGroup(id)).isTrue();
        run.run(last.plusDays(91));
        assertThat(inGroup(id)).as("after the retention").isFalse();
        assertThat(directory.findByLogin(id)).as("the entry stays").isPresent();
        assertThat(texts("select count(*) from audit_event where actor = ? and type = 'DEPARTED_GROUPS_LEFT'", id))
                .containsExactly("1");

        assertThat(inTransaction(() -> departures.record(agent(id), Optional.empty(), null)))
                .as("a later file does not reopen a closed account").isFalse();
        run.run(last.plusDays(92));
        assertThat(agent(id).state()).isEqualTo(AccountState.DEPARTED);
    }

    @Test
    void aLaterFileMovesTheDateAndTellsAgainOrCancelsIt() throws Exception {
        String id = activeAgent("depmove-");
        LocalDate last = farDay();
        assertThat(inTransaction(() -> departures.record(agent(id), Optional.of(last), 7L))).isTrue();
        assertThat(inTransaction(() -> departures.record(agent(id), Optional.of(last), 8L))).as("the same day again").isFalse();
        run.run(last.minusDays(15));
        assertThat(notices(id)).hasSize(1);

        assertThat(inTransaction(() -> departures.record(agent(id), Optional.of(last.plusDays(30)), 9L))).isTrue();
        run.run(last.plusDays(1));
        assertThat(agent(id).state()).as("the old date passed: nothing").isEqualTo(AccountState.ACTIVE);
        run.run(last.plusDays(15));
        assertThat(notices(id)).as("told again for the new date").hasSize(2);

        assertThat(inTransaction(() -> departures.record(agent(id), Optional.empty(), 10L))).as("cancelled").isTrue();
        assertThat(inTransaction(() -> departures.record(agent(id), Optional.empty(), 11L))).isFalse();
        run.run(last.plusDays(31));
        assertThat(agent(id).state()).isEqualTo(AccountState.ACTIVE);
        assertThat(texts("select count(*) from audit_event where actor = ? and type = 'DEPARTURE_CANCELLED'", id)).containsExactly("1");
    }

    @Test
    void aNewAgentsPlannedInvitationDiesWithTheAccountAndOneWhoseLastDayIsOverGetsNone() throws Exception {
        LocalDate today = LocalDate.now();
        LocalDate start = today.plusDays(200);
        LocalDate last = today.plusDays(300);
        Assignment arriving = assignment(start, Optional.of(last));
        Assignment over = assignment(today.minusDays(30), Optional.of(today.minusDays(2)));

        InvitationService.Chunk chunk = inTransaction(() -> invitations.inviteAll(List.of(arriving, over), 42L));

        assertThat(chunk.outcomes()).containsExactly(InvitationOutcome.INVITED, InvitationOutcome.ALREADY_ENDED);
        assertThat(chunk.departures()).isEqualTo(1);
        assertThat(directory.findByNumen(over.numen())).as("no account for an assignment over").isEmpty();
        String id = directory.findByNumen(arriving.numen()).orElseThrow().identifiant();
        assertThat(texts("select status from outbound_message where reference = ? and kind = 'invitation'", id))
                .as("planned for a week before the start").containsExactly("QUEUED");

        run.run(last.plusDays(1));

        assertThat(agent(id).state()).isEqualTo(AccountState.DEPARTED);
        assertThat(texts("select status from outbound_message where reference = ? and kind = 'invitation'", id))
                .as("a dead link is not sent").containsExactly("EXPIRED");
        assertThat(texts("select count(*) from invitation where identifiant = ? and closed_at is null", id)).containsExactly("0");
        assertThat(notices(id)).as("a pending agent has no mailbox to lose: no notice").isEmpty();
        InvitationService.Chunk again = inTransaction(() -> invitations.inviteAll(List.of(arriving), 43L));
        assertThat(again.outcomes()).containsExactly(InvitationOutcome.ACCOUNT_CLOSED);
        assertThat(again.departures()).isZero();
    }

    private String activeAgent(String prefix) {
        String id = TestAgents.newIdentifiant(prefix);
        TestAgents.addFromTests(TestAgents.active(id, Instant.now().minus(Duration.ofDays(3)), id + "@perso.example.org",
                PASSWORD, HrFile.newNumen()));
        return id;
    }

    /** A day no other test's departure shares, years ahead. */
    private static LocalDate farDay() {
        return LocalDate.now().plusYears(3).plusDays(ThreadLocalRandom.current().nextInt(3000));
    }

    private static Assignment assignment(LocalDate start, Optional<LocalDate> end) {
        String stem = HrFile.randomLetters(8);
        return new Assignment(Numen.parse(HrFile.newNumen()).orElseThrow(), "Depart" + stem, "Lou",
                Uai.parse("0801234A").orElseThrow(), "it." + stem + "@example.org", Optional.empty(), start, end);
    }

    private Agent agent(String id) {
        return directory.findByLogin(id).orElseThrow();
    }

    private List<String> notices(String id) throws Exception {
        return texts("select subject from outbound_message where reference = ? and kind = 'departure-notice'", id);
    }

    private static boolean inGroup(String id) throws Exception {
        try (LDAPConnection connection = TestAgents.managerConnection()) {
            return connection.getEntry(AGENTS_GROUP, "member").hasAttributeValue("member", "uid=" + id + "," + TestAgents.PEOPLE_DN);
        }
    }

    private <T> T inTransaction(Callable<T> work) throws Exception {
        transaction.begin();
        try {
            T result = work.call();
            transaction.commit();
            return result;
        } catch (Exception | Error e) {
            transaction.rollback();
            throw e;
        }
    }

    private List<String> texts(String sql, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }
    }
}
