package fr.sesame.it;

import com.unboundid.ldap.sdk.Entry;
import fr.sesame.dashboard.ActivationFigures;
import fr.sesame.dashboard.Dashboard;
import fr.sesame.dashboard.DashboardFigures;
import fr.sesame.dashboard.DailyCount;
import fr.sesame.dashboard.OutboxFigures;
import fr.sesame.dashboard.PasswordExpiries;
import fr.sesame.dashboard.SchoolActivation;
import fr.sesame.dashboard.TicketCount;
import fr.sesame.dashboard.TicketFigures;
import fr.sesame.dashboard.WeeklyCount;
import fr.sesame.password.PasswordAge;
import fr.sesame.password.PasswordHistory;
import fr.sesame.password.PasswordSettings;
import fr.sesame.support.TicketCategory;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The administrators' figures inside the server, on the real database (H2, then PostgreSQL) and directory:
 * known rows dated in 1990, a time no other test writes in, so that every count is exact. Each boundary
 * is tried on both sides, in Paris time (a Monday 00:30 in Paris is a Sunday in UTC). Rows are removed
 * afterwards: the audit events inserted by hand are outside the chain, and the messages look queued.
 * Open tickets are at the last level, which the support's sweep never passes on.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Wednesday 13 June 1990, 12:00 in Paris. */
    private static final Instant NOW = paris(1990, 6, 13, 12, 0);
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    @Deployment
    static WebArchive deployment() {
        return ServiceArchives.base("dashboard-it.war")
                .addPackage(Dashboard.class.getPackage())
                .addClasses(PasswordHistory.class, PasswordSettings.class, PasswordAge.class,
                        fr.sesame.password.PasswordHashes.class, CallerLogin.class);
    }

    @Inject
    Dashboard dashboard;

    @Inject
    HttpServletRequest request;

    @Resource(lookup = "jdbc/sesame")
    DataSource dataSource;

    private final List<Long> events = new ArrayList<>();
    private final List<Long> messages = new ArrayList<>();
    private final List<Long> tickets = new ArrayList<>();
    private final List<Long> invitations = new ArrayList<>();
    private final List<String> histories = new ArrayList<>();

    @AfterEach
    void removeTheRows() throws Exception {
        for (long id : events) {
            update("delete from audit_event where id = ? and chain_seq is null", id);
        }
        for (long id : messages) {
            update("delete from outbound_message where id = ?", id);
        }
        for (long id : tickets) {
            update("delete from ticket_event where ticket_id = ?", id); // the support's sweep may have written some
            update("delete from ticket where id = ?", id);
        }
        for (long id : invitations) {
            update("delete from invitation where id = ?", id);
        }
        for (String identifiant : histories) {
            update("delete from password_history where identifiant = ?", identifiant);
        }
    }

    @Test
    void activationsPerWeekAndTheShareOfInvitedAgentsWhoActivatedPerSchool() throws Exception {
        String jv1 = agent("dash-jv-", "0801234A", null, "active");
        String jv2 = agent("dash-jv-", "0801234A", null, "active");
        String jv3 = agent("dash-jv-", "0801234A", null, "pending");
        String ff1 = agent("dash-ff-", "0600045T", null, "active");
        String unnamed = agent("dash-un-", "0809999X", null, "pending");
        String gone = TestAgents.newIdentifiant("dash-gone-"); // invited, then removed from the directory
        String before = agent("dash-old-", "0801234A", null, "pending");

        for (String invited : List.of(jv1, jv2, jv3, ff1, unnamed, gone)) {
            invitation(invited, paris(1990, 4, 2, 9, 0));
        }
        invitation(jv1, paris(1990, 5, 2, 9, 0)); // invited again: still one agent
        invitation(before, paris(1990, 3, 20, 9, 0)); // before the first of the 12 weeks
        event("ACCOUNT_ACTIVATED", jv1, paris(1990, 6, 12, 9, 0)); // this week
        event("ACCOUNT_ACTIVATED", jv2, paris(1990, 6, 11, 0, 30)); // this week's Monday, a Sunday in UTC
        event("ACCOUNT_ACTIVATED", ff1, paris(1990, 6, 10, 23, 30)); // the week before
        event("ACCOUNT_ACTIVATED", jv3, paris(1990, 6, 13, 13, 0)); // after now
        event("ACCOUNT_ACTIVATED", "dash-nobody", paris(1990, 3, 25, 12, 0)); // before the first week
        event("LOGIN_SUCCEEDED", jv1, paris(1990, 6, 12, 9, 5)); // another kind

        ActivationFigures figures = asAdmin().activations(NOW);

        assertThat(figures.perWeek()).hasSize(12);
        assertThat(figures.perWeek().get(0)).isEqualTo(new WeeklyCount(LocalDate.of(1990, 3, 26), 0));
        assertThat(figures.perWeek().get(11)).isEqualTo(new WeeklyCount(LocalDate.of(1990, 6, 11), 2));
        assertThat(figures.perWeek().get(10)).isEqualTo(new WeeklyCount(LocalDate.of(1990, 6, 4), 1));
        assertThat(figures.activations()).isEqualTo(3);
        assertThat(figures.schools()).containsExactly(
                new SchoolActivation(Optional.of("0600045T"), Optional.of("Lycée Félix Faure"), 1, 1),
                new SchoolActivation(Optional.of("0801234A"), Optional.of("Collège Jules Verne"), 3, 2),
                new SchoolActivation(Optional.of("0809999X"), Optional.empty(), 1, 0),
                new SchoolActivation(Optional.empty(), Optional.empty(), 1, 0));
        assertThat(figures.schools().get(1).share().percent()).isEqualTo(67);
        assertThat(figures.schools().get(0).share().percent()).isEqualTo(100);
        assertThat(figures.invited()).isEqualTo(6);
        assertThat(figures.share().percent()).isEqualTo(50);
    }

    @Test
    void passwordsExpiringInTheNextThirtyDaysByWeekActiveAccountsOnly() throws Exception {
        Duration maxAge = Duration.ofDays(180);
        agent("dash-exp-", "0801234A", paris(1990, 6, 14, 9, 0).minus(maxAge), "active"); // this week
        agent("dash-exp-", "0801234A", paris(1990, 6, 20, 9, 0).minus(maxAge), "active"); // next week
        agent("dash-exp-", "0801234A", paris(1990, 7, 12, 23, 0).minus(maxAge), "active"); // the 30th day
        agent("dash-exp-", "0801234A", paris(1990, 7, 13, 1, 0).minus(maxAge), "active"); // the 31st
        agent("dash-exp-", "0801234A", paris(1990, 6, 13, 11, 0).minus(maxAge), "active"); // expired an hour ago
        agent("dash-exp-", "0801234A", paris(1990, 6, 15, 9, 0).minus(maxAge), "locked"); // not active
        String changedSince = agent("dash-exp-", "0801234A", paris(1990, 6, 21, 9, 0).minus(maxAge), "active");
        history(changedSince, NOW.minus(Duration.ofDays(10))); // Sésame's later date wins: 170 days left
        String datedBySesame = agent("dash-exp-", "0801234A", null, "active");
        history(datedBySesame, paris(1990, 6, 26, 9, 0).minus(maxAge)); // the directory has no date

        PasswordExpiries expiries = asAdmin().passwordExpiries(NOW);

        assertThat(expiries.perWeek()).containsExactly(
                new WeeklyCount(LocalDate.of(1990, 6, 11), 1), new WeeklyCount(LocalDate.of(1990, 6, 18), 1),
                new WeeklyCount(LocalDate.of(1990, 6, 25), 1), new WeeklyCount(LocalDate.of(1990, 7, 2), 0),
                new WeeklyCount(LocalDate.of(1990, 7, 9), 1));
        assertThat(expiries.total()).isEqualTo(4);
    }

    @Test
    void ticketsOpenedAndResolvedPerWeekByCategoryAndLevelWithTheShareInTime() throws Exception {
        ticket("PASSWORD", 1, paris(1990, 6, 12, 9, 0), paris(1990, 6, 12, 15, 0), paris(1990, 6, 14, 9, 0));
        ticket("DEVICE", 2, paris(1990, 6, 5, 9, 0), paris(1990, 6, 12, 10, 0), paris(1990, 6, 8, 9, 0)); // late
        ticket("OTHER", 3, paris(1990, 6, 4, 0, 30), null, paris(1990, 6, 9, 0, 30)); // a Sunday in UTC
        ticket("ACTIVATION", 1, paris(1990, 3, 20, 9, 0), paris(1990, 3, 27, 9, 0), paris(1990, 3, 30, 9, 0));
        ticket("PASSWORD", 3, paris(1990, 6, 13, 13, 0), null, paris(1990, 6, 18, 9, 0)); // after now

        TicketFigures figures = asAdmin().tickets(NOW);

        assertThat(figures.weeks()).hasSize(12);
        List<TicketFigures.Week> weeks = figures.perWeek();
        assertThat(weeks.get(11)).isEqualTo(new TicketFigures.Week(LocalDate.of(1990, 6, 11), new TicketCount(1, 2, 1)));
        assertThat(weeks.get(11).count().inTime().percent()).isEqualTo(50);
        assertThat(weeks.get(10)).isEqualTo(new TicketFigures.Week(LocalDate.of(1990, 6, 4), new TicketCount(2, 0, 0)));
        assertThat(weeks.get(10).count().inTime().known()).isFalse();
        assertThat(weeks.get(0)).isEqualTo(new TicketFigures.Week(LocalDate.of(1990, 3, 26), new TicketCount(0, 1, 1)));
        assertThat(weeks.get(5).count()).isEqualTo(TicketCount.NONE);
        assertThat(figures.total()).isEqualTo(new TicketCount(3, 3, 2));
        assertThat(figures.perCategoryAndLevel()).contains(
                new TicketFigures.Group(TicketCategory.PASSWORD, 1, new TicketCount(1, 1, 1)),
                new TicketFigures.Group(TicketCategory.DEVICE, 2, new TicketCount(1, 1, 0)),
                new TicketFigures.Group(TicketCategory.OTHER, 3, new TicketCount(1, 0, 0)),
                new TicketFigures.Group(TicketCategory.ACTIVATION, 1, new TicketCount(0, 1, 1)),
                new TicketFigures.Group(TicketCategory.SECURITY, 2, TicketCount.NONE));
    }

    @Test
    void theOutboxQueueAndItsFailuresPerDay() throws Exception {
        message("QUEUED", 1, Instant.parse("1990-05-01T00:00:00Z"), FAR); // waiting after a failed attempt
        message("SENDING", 1, Instant.parse("1990-06-13T09:00:00Z"), FAR); // in a courier's hands
        message("QUEUED", 0, Instant.parse("1990-06-01T00:00:00Z"), FAR); // not yet due (an invitation for later)
        message("QUEUED", 1, Instant.parse("1990-06-13T11:00:00Z"), FAR); // queued after now
        message("FAILED", 1, paris(1990, 6, 13, 8, 0), FAR); // today
        message("FAILED", 1, paris(1990, 6, 7, 0, 10), FAR); // the first of the 7 days
        message("EXPIRED", 3, paris(1990, 6, 10, 9, 0), FAR);
        message("FAILED", 1, paris(1990, 6, 6, 23, 50), FAR); // the day before
        message("SENT", 1, paris(1990, 6, 12, 9, 0), FAR);

        OutboxFigures outbox = asAdmin().outbox(NOW);

        assertThat(outbox.waiting()).isEqualTo(2);
        assertThat(outbox.retrying()).isEqualTo(2);
        assertThat(outbox.oldestWaitingSince()).hasValue(Instant.parse("1990-05-01T00:00:00Z"));
        assertThat(outbox.oldestWait()).hasValue(Duration.between(Instant.parse("1990-05-01T00:00:00Z"), NOW));
        assertThat(outbox.perDay()).hasSize(7).containsExactly(
                new OutboxFigures.DailyFailures(LocalDate.of(1990, 6, 7), 1, 0),
                new OutboxFigures.DailyFailures(LocalDate.of(1990, 6, 8), 0, 0),
                new OutboxFigures.DailyFailures(LocalDate.of(1990, 6, 9), 0, 0),
                new OutboxFigures.DailyFailures(LocalDate.of(1990, 6, 10), 0, 1),
                new OutboxFigures.DailyFailures(LocalDate.of(1990, 6, 11), 0, 0),
                new OutboxFigures.DailyFailures(LocalDate.of(1990, 6, 12), 0, 0),
                new OutboxFigures.DailyFailures(LocalDate.of(1990, 6, 13), 1, 0));
        assertThat(outbox.failed()).isEqualTo(2);
        assertThat(outbox.expired()).isEqualTo(1);
    }

    @Test
    void lockOutsPerDayEachAccountOnceADay() throws Exception {
        event("LOGIN_LOCKED_OUT", "dash-x", paris(1990, 6, 12, 8, 0));
        event("LOGIN_LOCKED_OUT", "dash-x", paris(1990, 6, 12, 8, 1)); // refused again while locked
        event("LOGIN_LOCKED_OUT", "dash-y", paris(1990, 6, 12, 23, 59));
        event("LOGIN_LOCKED_OUT", "dash-x", paris(1990, 6, 13, 10, 0));
        event("LOGIN_LOCKED_OUT", "dash-z", paris(1990, 5, 14, 23, 0)); // the day before the 30
        event("LOGIN_LOCKED_OUT", "dash-z", paris(1990, 5, 15, 0, 30));
        event("LOGIN_FAILED", "dash-w", paris(1990, 6, 12, 8, 0));

        List<DailyCount> perDay = asAdmin().lockOuts(NOW);

        assertThat(perDay).hasSize(30);
        assertThat(perDay.get(0)).isEqualTo(new DailyCount(LocalDate.of(1990, 5, 15), 1));
        assertThat(perDay.get(28)).isEqualTo(new DailyCount(LocalDate.of(1990, 6, 12), 2));
        assertThat(perDay.get(29)).isEqualTo(new DailyCount(LocalDate.of(1990, 6, 13), 1));
        assertThat(perDay.stream().mapToLong(DailyCount::count).sum()).isEqualTo(4);
    }

    @Test
    void withNothingToCountEveryFigureIsZeroAndEveryPeriodIsThere() throws Exception {
        Instant empty = paris(1985, 1, 16, 12, 0);

        DashboardFigures figures = new CallerLogin(request).as("admin1", () -> dashboard.figuresAt(empty));

        assertThat(figures.activations().perWeek()).hasSize(12).allSatisfy(week -> assertThat(week.count()).isZero());
        assertThat(figures.activations().schools()).isEmpty();
        assertThat(figures.activations().share().known()).isFalse();
        assertThat(figures.passwordExpiries().total()).isZero();
        assertThat(figures.passwordExpiries().perWeek()).isNotEmpty();
        assertThat(figures.tickets().perWeek()).hasSize(12).allSatisfy(week -> assertThat(week.count()).isEqualTo(TicketCount.NONE));
        assertThat(figures.tickets().total().inTime().known()).isFalse();
        assertThat(figures.outbox().waiting()).isZero();
        assertThat(figures.outbox().oldestWait()).isEmpty();
        assertThat(figures.outbox().perDay()).hasSize(7).allSatisfy(day -> assertThat(day.failed() + day.expired()).isZero());
        assertThat(figures.lockOuts()).hasSize(30).allSatisfy(day -> assertThat(day.count()).isZero());
    }

    @Test
    void onlyAdministratorsGetTheFigures() {
        for (String identifiant : List.of("hotline1", "rssi1", "cmartin")) {
            assertThatThrownBy(() -> new CallerLogin(request).as(identifiant, () -> dashboard.lockOuts(NOW)))
                    .as(identifiant).isInstanceOf(jakarta.ejb.EJBAccessException.class);
        }
        assertThatThrownBy(() -> dashboard.lockOuts(NOW)).isInstanceOf(jakarta.ejb.EJBAccessException.class);
    }

    /** The dashboard as the administrator calls it: each figure as of {@link #NOW}. */
    private Figures asAdmin() {
        return new Figures();
    }

    private final class Figures {
        ActivationFigures activations(Instant now) throws Exception {
            return new CallerLogin(request).as("admin1", () -> dashboard.activations(now));
        }

        PasswordExpiries passwordExpiries(Instant now) throws Exception {
            return new CallerLogin(request).as("admin1", () -> dashboard.passwordExpiries(now));
        }

        TicketFigures tickets(Instant now) throws Exception {
            return new CallerLogin(request).as("admin1", () -> dashboard.tickets(now));
        }

        OutboxFigures outbox(Instant now) throws Exception {
            return new CallerLogin(request).as("admin1", () -> dashboard.outbox(now));
        }

        List<DailyCount> lockOuts(Instant now) throws Exception {
            return new CallerLogin(request).as("admin1", () -> dashboard.lockOuts(now));
        }
    }

    private static Instant paris(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(PARIS).toInstant();
    }

    /** A directory entry with this UAI, password date (none: null) and state. */
    private static String agent(String prefix, String uai, Instant passwordChangedAt, String state) {
        String identifiant = TestAgents.newIdentifiant(prefix);
        Entry entry = TestAgents.active(identifiant, passwordChangedAt, null, null, null);
        entry.setAttribute("sesameUai", uai);
        entry.setAttribute("sesameAccountState", state);
        TestAgents.addFromTests(entry);
        return identifiant;
    }

    private void invitation(String identifiant, Instant created) throws Exception {
        invitations.add(insert("insert into invitation (identifiant, token_hash, created_at, expires_at) values (?, ?, ?, ?)",
                identifiant, TestAgents.newIdentifiant("h-") + created.toEpochMilli(), at(created),
                at(created.plus(Duration.ofDays(30)))));
    }

    private void event(String type, String actor, Instant when) throws Exception {
        events.add(insert("insert into audit_event (occurred_at, type, actor, detail) values (?, ?, ?, 'dashboard test')",
                at(when), type, actor));
    }

    private void history(String identifiant, Instant changed) throws Exception {
        histories.add(identifiant);
        update("insert into password_history (identifiant, hash, changed_at) values (?, 'not-a-hash', ?)", identifiant, at(changed));
    }

    private void ticket(String category, int level, Instant created, Instant resolved, Instant deadline) throws Exception {
        long id = 800_000_000L + ThreadLocalRandom.current().nextLong(99_000_000L);
        update("insert into ticket (id, reference, requester_name, contact_address, identity_verified, category, urgency,"
                        + " impact, priority, status, support_level, subject, description, created_at, updated_at, take_deadline,"
                        + " resolve_deadline, resolved_at, version) values (?, ?, 'Tableau', 'tableau@perso.example.org', false,"
                        + " ?, 1, 1, 1, ?, ?, 'Demande', 'Texte', ?, ?, ?, ?, ?, 0)",
                id, "DSH-" + id, category, resolved == null ? "NEW" : "RESOLVED", level, at(created), at(created), at(created),
                at(deadline), resolved == null ? null : at(resolved));
        tickets.add(id);
    }

    private void message(String status, int attempts, Instant created, Instant nextAttempt) throws Exception {
        messages.add(insert("insert into outbound_message (channel, recipient, status, attempts, created_at, next_attempt_at,"
                        + " version, bulk) values ('EMAIL', 'tableau@perso.example.org', ?, ?, ?, ?, 0, false)",
                status, attempts, at(created), at(nextAttempt)));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private long insert(String sql, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
            bind(statement, parameters);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void update(String sql, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws Exception {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }
}
