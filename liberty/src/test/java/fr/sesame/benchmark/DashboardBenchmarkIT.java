package fr.sesame.benchmark;

import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import fr.sesame.dashboard.Dashboard;
import fr.sesame.it.CallerLogin;
import fr.sesame.it.ServiceArchives;
import fr.sesame.it.TestAgents;
import fr.sesame.support.TicketCategory;
import fr.sesame.support.TicketStatus;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (not a test: it asserts nothing about time): each figure of the administrators' dashboard,
 * inside Liberty, over 1,000,000 tickets (two years, as {@link TicketQueueBenchmarkIT} makes them, with
 * their resolutions), 35,000 agents in the directory invited during the dashboard's 12 weeks (80 % of
 * them activated), their passwords dated over six months, 100,000 messages of the outbox and a month of
 * lock-outs. Median and p95 over repeated calls, printed on the server's console and written to
 * benchmark-dashboard.txt in the server's directory. The audit events and invitations it adds are
 * removed at the end (they are outside the audit chain); the tickets, messages and entries stay.
 * Run: {@code mvn verify -Pbenchmark -Dit.test=DashboardBenchmarkIT} (see README).
 */
@ExtendWith(ArquillianExtension.class)
class DashboardBenchmarkIT {

    private static final int TICKETS = Integer.getInteger("sesame.benchmark.tickets", 1_000_000);
    private static final int AGENTS = Integer.getInteger("sesame.benchmark.agents", 35_000);
    private static final int MESSAGES = 100_000;
    private static final int RUNS = 11;
    private static final long FIRST_TICKET = 300_000_000L;
    private static final String[] SCHOOLS = {"0801234A", "0600045T", "0020078K", "0801999Z", "0809001A", "0809002B"};

    @Deployment
    static WebArchive deployment() {
        return ServiceArchives.base("dashboard-benchmark.war")
                .addPackage(Dashboard.class.getPackage())
                .addClasses(fr.sesame.password.PasswordHistory.class, fr.sesame.password.PasswordSettings.class,
                        fr.sesame.password.PasswordAge.class, fr.sesame.password.PasswordHashes.class, CallerLogin.class);
    }

    @Inject
    Dashboard dashboard;

    @Inject
    HttpServletRequest request;

    @Resource(lookup = "jdbc/sesame")
    DataSource dataSource;

    @Test
    void eachFigureOverAMillionTicketsAnd35000Agents() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String prefix = "dash" + now.getEpochSecond() + "x";
        double tickets = seconds(() -> tickets(now));
        double agents = seconds(() -> agents(now, prefix));
        double rest = seconds(() -> invitationsActivationsLockOutsAndMessages(now, prefix));
        String reuse = reuseResults(false);
        try {
            StringBuilder report = new StringBuilder(String.format("Dashboard over %,d tickets (two years), %,d agents invited in"
                            + " 12 weeks (80%% activated), %,d messages, a month of lock-outs (H2, inside Liberty; generated in"
                            + " %.0f s + %.0f s + %.0f s; result reuse %s), %d runs each:%n",
                    TICKETS, AGENTS, MESSAGES, tickets, agents, rest, reuse, RUNS));
            new CallerLogin(request).run("admin1", () -> {
                report.append(line("activations per week and per school", () -> dashboard.activations(now)));
                report.append(line("passwords expiring in 30 days", () -> dashboard.passwordExpiries(now)));
                report.append(line("tickets per week by category and level", () -> dashboard.tickets(now)));
                report.append(line("outbox queue and failures", () -> dashboard.outbox(now)));
                report.append(line("lock-outs per day", () -> dashboard.lockOuts(now)));
                report.append(line("the whole page's figures", () -> dashboard.figuresAt(now)));
            });
            System.out.print(report);
            Files.writeString(Path.of("benchmark-dashboard.txt"), report);
            // What was timed counted what was generated: the agents invited inside the dashboard's weeks.
            Instant firstWeek = fr.sesame.dashboard.Buckets.weeksUpTo(now, java.time.ZoneId.of("Europe/Paris"), 12)
                    .endingAt(now).first();
            long generated = count("select count(distinct identifiant) from invitation where identifiant like ?"
                    + " and created_at >= ? and created_at < ?", prefix + "%", Timestamp.from(firstWeek), Timestamp.from(now));
            new CallerLogin(request).run("admin1", () -> {
                assertThat(dashboard.tickets(now).total().opened()).isPositive();
                assertThat(dashboard.activations(now).invited()).isGreaterThanOrEqualTo(generated).isGreaterThan(AGENTS / 2);
            });
        } finally {
            reuseResults(true);
            update("delete from audit_event where actor like ? and chain_seq is null", prefix + "%");
            update("delete from invitation where identifiant like ?", prefix + "%");
        }
    }

    private static String line(String what, Callable<?> work) throws Exception {
        double[] millis = timings(work);
        return String.format("  %-45s median %8.1f ms, p95 %8.1f ms%n", what, percentile(millis, 50), percentile(millis, 95));
    }

    private static double[] timings(Callable<?> work) throws Exception {
        work.call(); // warm up
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.call();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double seconds(Callable<?> work) throws Exception {
        long start = System.nanoTime();
        work.call();
        return (System.nanoTime() - start) / 1e9;
    }

    /** H2 answers a repeated identical query from memory otherwise (see {@link TicketQueueBenchmarkIT}). */
    private String reuseResults(boolean on) {
        try (Connection connection = dataSource.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("set optimize_reuse_results " + (on ? 1 : 0));
            return on ? "on" : "off";
        } catch (java.sql.SQLException e) {
            return "unchanged (" + e.getMessage() + ")";
        }
    }

    /**
     * A million tickets over two years: those older than a fortnight resolved and closed (a fifth of them
     * after their deadline), the recent ones in any state.
     */
    private Void tickets(Instant now) throws Exception {
        Random random = new Random(11);
        TicketStatus[] statuses = TicketStatus.values();
        TicketCategory[] categories = TicketCategory.values();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into ticket (id, reference, requester,"
                    + " requester_name, contact_address, identity_verified, uai, category, urgency, impact, priority, status,"
                    + " support_level, subject, description, created_at, updated_at, take_deadline, resolve_deadline,"
                    + " resolved_at, closed_at, version)"
                    + " values (?, ?, ?, ?, ?, true, ?, ?, 3, 3, ?, ?, ?, ?, 'Benchmark', ?, ?, ?, ?, ?, ?, 0)")) {
                for (int i = 0; i < TICKETS; i++) {
                    long id = FIRST_TICKET + i;
                    Instant created = now.minus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60)));
                    boolean recent = created.isAfter(now.minus(Duration.ofDays(14)));
                    TicketStatus status = recent ? statuses[random.nextInt(statuses.length)] : TicketStatus.CLOSED;
                    Instant deadline = created.plus(Duration.ofDays(5));
                    Instant resolved = status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED
                            ? created.plus(Duration.ofHours(random.nextInt(random.nextInt(5) == 0 ? 240 : 110))) : null;
                    if (resolved != null && resolved.isAfter(now)) {
                        resolved = now;
                    }
                    insert.setLong(1, id);
                    insert.setString(2, "DSH-" + id);
                    insert.setString(3, "bench" + random.nextInt(40_000));
                    insert.setString(4, "Agent " + i);
                    insert.setString(5, "bench" + i + "@example.org");
                    insert.setString(6, SCHOOLS[random.nextInt(SCHOOLS.length)]);
                    insert.setString(7, categories[random.nextInt(categories.length)].name());
                    insert.setInt(8, 1 + random.nextInt(5));
                    insert.setString(9, status.name());
                    insert.setInt(10, 1 + random.nextInt(3));
                    insert.setString(11, "Demande " + i);
                    insert.setTimestamp(12, Timestamp.from(created));
                    insert.setTimestamp(13, Timestamp.from(created));
                    insert.setTimestamp(14, Timestamp.from(created.plus(Duration.ofDays(1))));
                    insert.setTimestamp(15, Timestamp.from(deadline));
                    insert.setTimestamp(16, resolved == null ? null : Timestamp.from(resolved));
                    insert.setTimestamp(17, status == TicketStatus.CLOSED ? Timestamp.from(resolved) : null);
                    insert.addBatch();
                    if (i % 5_000 == 4_999) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
        return null;
    }

    /** The agents, in a branch of their own: six schools, passwords set over the last six months. */
    private Void agents(Instant now, String prefix) throws Exception {
        Random random = new Random(13);
        String branch = "ou=" + prefix + "," + TestAgents.PEOPLE_DN;
        try (LDAPConnection connection = TestAgents.managerConnection()) {
            Entry unit = new Entry(branch);
            unit.addAttribute("objectClass", "top", "organizationalUnit");
            unit.addAttribute("ou", prefix);
            connection.add(unit);
            for (int i = 0; i < AGENTS; i++) {
                String identifiant = prefix + i;
                boolean activated = i % 5 != 0;
                Instant changed = activated ? now.minus(Duration.ofMinutes(random.nextInt(180 * 24 * 60))) : null;
                Entry entry = TestAgents.active(identifiant, changed, null, null, null);
                entry.setAttribute("sesameUai", SCHOOLS[i % SCHOOLS.length]);
                entry.setAttribute("sesameAccountState", activated ? "active" : "pending");
                connection.add(new AddRequest(new Entry("uid=" + identifiant + "," + branch, entry.getAttributes()),
                        new Control[] {TestAgents.RELAX}));
            }
        }
        return null;
    }

    /**
     * An invitation for every agent during the 12 weeks, an activation for four in five; 50 lock-outs a day
     * over the month; 100,000 messages over 90 days, 1 % refused and 1 % dropped, 200 still waiting.
     */
    private Void invitationsActivationsLockOutsAndMessages(Instant now, String prefix) throws Exception {
        Random random = new Random(17);
        int twelveWeeks = 12 * 7 * 24 * 60;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement invitation = connection.prepareStatement("insert into invitation (identifiant, token_hash,"
                    + " created_at, expires_at) values (?, ?, ?, ?)");
                 PreparedStatement event = connection.prepareStatement("insert into audit_event (occurred_at, type, actor,"
                         + " detail) values (?, ?, ?, 'benchmark')")) {
                // Within the last ten weeks: always inside the dashboard's twelve (this one begun on Monday).
                int tenWeeks = twelveWeeks * 10 / 12;
                for (int i = 0; i < AGENTS; i++) {
                    Instant invited = now.minus(Duration.ofMinutes(random.nextInt(tenWeeks)));
                    invitation.setString(1, prefix + i);
                    invitation.setString(2, prefix + "-" + i);
                    invitation.setTimestamp(3, Timestamp.from(invited));
                    invitation.setTimestamp(4, Timestamp.from(invited.plus(Duration.ofDays(30))));
                    invitation.addBatch();
                    if (i % 5 != 0) {
                        Instant activated = invited.plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));
                        event.setTimestamp(1, Timestamp.from(activated.isAfter(now) ? now : activated));
                        event.setString(2, "ACCOUNT_ACTIVATED");
                        event.setString(3, prefix + i);
                        event.addBatch();
                    }
                    if (i % 1_000 == 999) {
                        invitation.executeBatch();
                        event.executeBatch();
                        connection.commit();
                    }
                }
                for (int i = 0; i < 30 * 50; i++) {
                    event.setTimestamp(1, Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(30 * 24 * 60)))));
                    event.setString(2, "LOGIN_LOCKED_OUT");
                    event.setString(3, prefix + random.nextInt(AGENTS));
                    event.addBatch();
                }
                invitation.executeBatch();
                event.executeBatch();
                connection.commit();
            }
            try (PreparedStatement message = connection.prepareStatement("insert into outbound_message (channel, recipient,"
                    + " status, attempts, created_at, next_attempt_at, version, bulk) values ('EMAIL', ?, ?, ?, ?, ?, 0, false)")) {
                Instant far = Instant.parse("2100-01-01T00:00:00Z");
                for (int i = 0; i < MESSAGES; i++) {
                    Instant created = now.minus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)));
                    String status = i < 200 ? "QUEUED" : i % 100 == 0 ? "FAILED" : i % 100 == 1 ? "EXPIRED" : "SENT";
                    message.setString(1, prefix + i + "@perso.example.org");
                    message.setString(2, status);
                    message.setInt(3, 1);
                    message.setTimestamp(4, Timestamp.from(created));
                    // Waiting ones are not due before the benchmark ends: the courier leaves them.
                    message.setTimestamp(5, Timestamp.from("QUEUED".equals(status) ? far : created));
                    message.addBatch();
                    if (i % 5_000 == 4_999) {
                        message.executeBatch();
                        connection.commit();
                    }
                }
                message.executeBatch();
                connection.commit();
            }
        }
        return null;
    }

    private void update(String sql, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private long count(String sql, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
