package fr.sesame.it;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.mail.OutboundMessage;
import fr.sesame.mail.Outbox;
import fr.sesame.password.PasswordAge;
import fr.sesame.password.PasswordHistory;
import fr.sesame.password.PasswordSettings;
import fr.sesame.password.RotationReminder;
import fr.sesame.password.RotationReminders;
import fr.sesame.password.RotationSweeper;
import fr.sesame.password.SweepReport;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renewal reminder sweep inside Liberty, against the embedded directory and the database, with
 * the clock given to each run. Each test works years ahead of today, at its own moment, so that only
 * its own agents are in the reminder window.
 */
@ExtendWith(ArquillianExtension.class)
public class RotationIT {

    private static final Duration SIX_MONTHS = Duration.ofDays(180);

    /** The sweep and what it needs, without the nightly timer; also used by the rotation benchmark. */
    @Deployment
    public static WebArchive deployment() {
        return ServiceArchives.base("rotation-it.war")
                .addClasses(RotationSweeper.class, RotationReminders.class, PasswordHistory.class, PasswordSettings.class,
                        PasswordAge.class, SweepReport.class, fr.sesame.password.ReminderSent.class, fr.sesame.password.DueReminder.class,
                        fr.sesame.password.PasswordHashes.class, CallerLogin.class);
    }

    @Inject
    RotationSweeper sweeper;

    @Inject
    RotationReminders reminders;

    @Inject
    PasswordHistory history;

    @Inject
    Directory directory;

    @Inject
    Outbox outbox;

    @Inject
    Config config;

    @Inject
    fr.sesame.mail.OutboxSeal seal;

    @Inject
    jakarta.servlet.http.HttpServletRequest request;

    @jakarta.annotation.Resource(lookup = "jdbc/sesame")
    javax.sql.DataSource dataSource;

    /** A moment years from now, different for every test: the window holds only this test's agents. */
    private static Instant someDayAhead() {
        return Instant.now().plus(Duration.ofDays(3650 + ThreadLocalRandom.current().nextInt(20_000)))
                .truncatedTo(ChronoUnit.SECONDS);
    }

    /** Password set so that at {@code now} the agent is {@code days} (and an hour) into its six months. */
    private static Instant changedDaysBefore(Instant now, long days) {
        return now.minus(Duration.ofDays(days)).minus(Duration.ofHours(1));
    }

    private String addAgent(String prefix, Instant changedAt, String recovery) throws Exception {
        String identifiant = TestAgents.newIdentifiant(prefix);
        add(TestAgents.active(identifiant, changedAt, recovery, null, null));
        return identifiant;
    }

    /** As the académie's HR feed adds people: the directory's manager, the password's date given. */
    private void add(Entry entry) throws Exception {
        try (LDAPConnection connection = TestAgents.managerConnection()) {
            connection.add(new com.unboundid.ldap.sdk.AddRequest(entry, new com.unboundid.ldap.sdk.Control[] {TestAgents.RELAX}));
        }
    }

    private List<Integer> stagesSentTo(String identifiant) throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement(
                     "select stage_days from rotation_reminder where identifiant = ? order by sent_at, stage_days desc")) {
            statement.setString(1, identifiant);
            List<Integer> stages = new ArrayList<>();
            try (java.sql.ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    stages.add(result.getInt(1));
                }
            }
            return stages;
        }
    }

    private List<OutboundMessage> remindersQueuedFor(String identifiant) throws Exception {
        return new CallerLogin(request).as("hotline1", () -> outbox.search(identifiant, 100)).stream()
                .filter(message -> message.subject() != null && message.subject().startsWith("Votre mot de passe expire"))
                .toList();
    }

    @Test
    void eachStageIsSentOnceInItsTimeAndNothingToAgentsNotDue() throws Exception {
        Instant now = someDayAhead();
        String due = addAgent("rot-due-", changedDaysBefore(now, 150), "due@example.org");
        String fresh = addAgent("rot-fresh-", changedDaysBefore(now, 100), "fresh@example.org");
        String expired = addAgent("rot-exp-", changedDaysBefore(now, 181), "expired@example.org");
        String pending = TestAgents.newIdentifiant("rot-pend-");
        Entry pendingEntry = TestAgents.active(pending, changedDaysBefore(now, 150), "p@example.org", null, null);
        pendingEntry.setAttribute("sesameAccountState", "pending");
        add(pendingEntry);

        SweepReport first = sweeper.run(now);
        assertThat(first.sent()).isEqualTo(1);
        assertThat(stagesSentTo(due)).containsExactly(30);
        List<OutboundMessage> mails = remindersQueuedFor(due);
        assertThat(mails).extracting(OutboundMessage::recipient)
                .containsExactlyInAnyOrder(TestAgents.academicAddress(due), "due@example.org");
        assertThat(mails.get(0).subject()).isEqualTo("Votre mot de passe expire dans 30 jour(s)");
        assertThat(mails).allMatch(OutboundMessage::isBulk); // behind the codes and links people wait for
        assertThat(mails.get(0).body()).as("sealed while queued").startsWith("v1:").doesNotContain("/compte/mot-de-passe");
        assertThat(seal.open(mails.get(0).body(), mails.get(0).recipient())).contains("/compte/mot-de-passe");

        SweepReport again = sweeper.run(now);
        assertThat(again.sent()).isZero();
        assertThat(again.skipped()).isEqualTo(1);
        assertThat(stagesSentTo(due)).containsExactly(30);

        sweeper.run(now.plus(Duration.ofDays(12)));          // still stage 30: nothing new
        sweeper.run(now.plus(Duration.ofDays(23)));          // 173 days: stage 7
        sweeper.run(now.plus(Duration.ofDays(23)).plus(Duration.ofHours(5)));
        sweeper.run(now.plus(Duration.ofDays(29)));          // 179 days: stage 1
        sweeper.run(now.plus(Duration.ofDays(31)));          // expired: nothing more
        assertThat(stagesSentTo(due)).containsExactly(30, 7, 1);
        assertThat(remindersQueuedFor(due)).hasSize(6);

        for (String notDue : List.of(fresh, expired, pending)) {
            assertThat(stagesSentTo(notDue)).as(notDue).isEmpty();
            assertThat(remindersQueuedFor(notDue)).as(notDue).isEmpty();
        }
    }

    @Test
    void aSweepStoppedHalfwayIsFinishedByTheNextWithoutDuplicates() throws Exception {
        Instant now = someDayAhead();
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            agents.add(addAgent("rot-half-", changedDaysBefore(now, 174), null));
        }
        // The first sweep committed the reminders of the first three agents, then the server stopped.
        for (String identifiant : agents.subList(0, 3)) {
            Agent agent = directory.findByLogin(identifiant).orElseThrow();
            PasswordAge age = PasswordAge.of(agent.passwordChangedAt(), Optional.empty(), SIX_MONTHS).orElseThrow();
            assertThat(reminders.remind(agent, age, 7, now)).isTrue();
        }

        SweepReport afterRestart = sweeper.run(now);

        assertThat(afterRestart.sent()).isEqualTo(3);
        assertThat(afterRestart.skipped()).isEqualTo(3);
        for (String identifiant : agents) {
            assertThat(stagesSentTo(identifiant)).as(identifiant).containsExactly(7);
            assertThat(remindersQueuedFor(identifiant)).as(identifiant).hasSize(1);
        }
    }

    @Test
    void twoSweepsAtOnceSendEachReminderOnce() throws Exception {
        Instant now = someDayAhead();
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            agents.add(addAgent("rot-twin-", changedDaysBefore(now, 179), "twin@example.org"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<SweepReport>> sweeps = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sweeps.add(pool.submit(() -> {
                    start.await();
                    return sweeper.run(now);
                }));
            }
            start.countDown();
            int sent = 0;
            for (Future<SweepReport> sweep : sweeps) {
                sent += sweep.get(2, TimeUnit.MINUTES).sent();
            }
            assertThat(sent).isEqualTo(agents.size());
        } finally {
            pool.shutdownNow();
        }
        for (String identifiant : agents) {
            assertThat(stagesSentTo(identifiant)).as(identifiant).containsExactly(1);
            assertThat(remindersQueuedFor(identifiant)).as(identifiant).hasSize(2);
        }
    }

    @Test
    void sesamesOwnDateCountsWhenTheDirectoryHasNoneOrAnOlderOne() throws Exception {
        Instant now = someDayAhead();
        // The directory keeps no date: Sésame's record of the change says it is due.
        String undated = addAgent("rot-undated-", null, null);
        history.record(undated, "Ancien-Mot-de-passe-1", changedDaysBefore(now, 150));
        // The directory's date is stale (no password policy there): Sésame saw a recent change.
        String stale = addAgent("rot-stale-", changedDaysBefore(now, 150), null);
        history.record(stale, "Ancien-Mot-de-passe-2", changedDaysBefore(now, 10));

        sweeper.run(now);

        assertThat(stagesSentTo(undated)).containsExactly(30);
        assertThat(stagesSentTo(stale)).isEmpty();
    }

    @Test
    void anAgentWhoChangedThePasswordStartsANewCycle() throws Exception {
        Instant now = someDayAhead();
        String identifiant = addAgent("rot-cycle-", changedDaysBefore(now, 179), null);
        sweeper.run(now);
        assertThat(stagesSentTo(identifiant)).containsExactly(1);

        // Changed the next morning: the new password's reminders come again, six months later.
        Instant changed = now.plus(Duration.ofHours(10));
        TestAgents.modifyAsManager("uid=" + identifiant + "," + TestAgents.PEOPLE_DN, new Modification(ModificationType.REPLACE,
                "pwdChangedTime", com.unboundid.util.StaticUtils.encodeGeneralizedTime(java.util.Date.from(changed))));
        sweeper.run(changed.plus(Duration.ofDays(151)));
        assertThat(stagesSentTo(identifiant)).containsExactly(1, 30);
    }
}
