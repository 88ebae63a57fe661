package fr.sesame.benchmark;

import fr.sesame.it.ServiceArchives;
import fr.sesame.support.TicketCategory;
import fr.sesame.support.TicketQuery;
import fr.sesame.support.TicketService;
import fr.sesame.support.TicketStatus;
import fr.sesame.support.Viewer;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (not a test: it asserts nothing about time): the hotline's ticket queue over 1,000,000
 * tickets in the database, inside Liberty — first page, a filtered page, a page deep in the list —
 * beside plain SQL returning the same rows (the limit). Median and p95 over repeated requests, printed
 * on the server's console and written to benchmark-tickets.txt in the server's directory.
 * Run: {@code mvn verify -Pbenchmark -Dit.test=TicketQueueBenchmarkIT} (see README).
 */
@ExtendWith(ArquillianExtension.class)
class TicketQueueBenchmarkIT {

    private static final int TICKETS = 1_000_000;
    private static final int RECENT_DAYS = 14;
    private static final int RUNS = 21;
    private static final int PAGE = 25;
    private static final long FIRST_ID = 100_000_000L;
    private static final String[] SCHOOLS = {"0801234A", "0600045T", "0020078K", "0801999Z"};
    private static final Viewer HOTLINE = new Viewer("hotline1", "Hotline", Set.of("hotline"), Optional.empty());

    @Deployment
    static WebArchive deployment() {
        return ServiceArchives.base("ticket-benchmark.war")
                .addPackages(false, Filters.exclude(fr.sesame.support.SupportSchedule.class,
                        fr.sesame.support.SecurityReports.class), "fr.sesame.support");
    }

    @Inject
    TicketService tickets;

    @Resource(lookup = "jdbc/sesame")
    DataSource dataSource;

    @Test
    void queueOverAMillionTickets() throws Exception {
        double generated = seconds(this::generate);
        // H2 hands back the previous result of an identical query while no table changed: each run
        // would then measure a cache. Turned off for the whole database while the benchmark runs.
        String reuse = reuseResults(false);

        TicketQuery first = TicketQuery.open();
        TicketQuery filtered = new TicketQuery(Optional.of(TicketStatus.NEW), Optional.of(5), Optional.of("0801234A"),
                Optional.empty(), Optional.empty(), Optional.empty(), false, "createdAt", false);
        TicketQuery all = TicketQuery.all();
        int deep = 500_000;

        String report = String.format("Ticket queue over %,d tickets, those older than " + RECENT_DAYS + " days closed (H2, inside Liberty;"
                        + " generated in %.0f s; result reuse %s),"
                        + " %d runs each, page %d:%n", TICKETS, generated, reuse, RUNS, PAGE)
                + line("first page (open tickets, by priority)", run -> tickets.list(first, HOTLINE, TicketService.Scope.ALL, 0, PAGE),
                        run -> sql("status in ('NEW','IN_PROGRESS','WAITING')", "priority desc, created_at desc, id desc", 0))
                + line("filtered page (new, priority 5, one school)", run -> tickets.list(filtered, HOTLINE, TicketService.Scope.ALL, 0, PAGE),
                        run -> sql("status = 'NEW' and priority = 5 and uai = '0801234A'", "created_at desc, id desc", 0))
                + line("deep page (from row 500,000, all, newest first)",
                        run -> tickets.list(all, HOTLINE, TicketService.Scope.ALL, deep + run * PAGE, PAGE),
                        run -> sql("1 = 1", "created_at desc, id desc", deep + run * PAGE));
        reuseResults(true);
        System.out.print(report);
        Files.writeString(Path.of("benchmark-tickets.txt"), report);
        assertThat(tickets.list(all, HOTLINE, TicketService.Scope.ALL, 0, 1).total()).isGreaterThanOrEqualTo(TICKETS);
    }

    /** Sets H2's OPTIMIZE_REUSE_RESULTS; says what was done, for the report. */
    private String reuseResults(boolean on) {
        try (Connection connection = dataSource.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("set optimize_reuse_results " + (on ? 1 : 0));
            return on ? "on" : "off";
        } catch (java.sql.SQLException e) {
            return "unchanged (" + e.getMessage() + ")";
        }
    }

    /** One piece of work, told which run this is so that runs may ask for different pages. */
    private interface Run {
        Object call(int run) throws Exception;
    }

    private String line(String what, Run sesame, Run plain) throws Exception {
        double[] ours = timings(sesame);
        double[] limit = timings(plain);
        return String.format("  %-45s Sésame median %7.1f ms, p95 %7.1f ms | plain SQL median %7.1f ms, p95 %7.1f ms%n",
                what, percentile(ours, 50), percentile(ours, 95), percentile(limit, 50), percentile(limit, 95));
    }

    /** The rows of one page and the count, as the queue needs them, in plain JDBC. */
    private int sql(String where, String order, int offset) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            int rows = 0;
            try (PreparedStatement page = connection.prepareStatement(
                    "select * from ticket where " + where + " order by " + order + " limit " + PAGE + " offset " + offset);
                 ResultSet result = page.executeQuery()) {
                while (result.next()) {
                    rows++;
                }
            }
            try (PreparedStatement count = connection.prepareStatement("select count(*) from ticket where " + where);
                 ResultSet result = count.executeQuery()) {
                result.next();
            }
            return rows;
        }
    }

    private static double[] timings(Run work) throws Exception {
        work.call(RUNS); // warm up
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.call(i);
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

    /**
     * A million tickets over two years, by batches of plain inserts (not through the service): those
     * older than a fortnight closed, the others in any state (about 11,500 open).
     */
    private Void generate() throws Exception {
        Random random = new Random(7);
        Instant now = Instant.now();
        TicketStatus[] statuses = TicketStatus.values();
        TicketCategory[] categories = TicketCategory.values();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into ticket (id, reference, requester,"
                    + " requester_name, contact_address, identity_verified, uai, category, urgency, impact, priority, status,"
                    + " support_level, subject, description, created_at, updated_at, take_deadline, resolve_deadline, version)"
                    + " values (?, ?, ?, ?, ?, true, ?, ?, 3, 3, ?, ?, ?, ?, 'Benchmark', ?, ?, ?, ?, 0)")) {
                for (int i = 0; i < TICKETS; i++) {
                    long id = FIRST_ID + i;
                    Instant created = now.minus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60)));
                    insert.setLong(1, id);
                    insert.setString(2, "SES-2099-" + id);
                    insert.setString(3, "bench" + random.nextInt(40_000));
                    insert.setString(4, "Agent " + i);
                    insert.setString(5, "bench" + i + "@example.org");
                    insert.setString(6, SCHOOLS[random.nextInt(SCHOOLS.length)]);
                    insert.setString(7, categories[random.nextInt(categories.length)].name());
                    insert.setInt(8, 1 + random.nextInt(5));
                    // As in life: what is older than a fortnight is closed; the recent ones are in every state.
                    boolean recent = created.isAfter(now.minus(Duration.ofDays(RECENT_DAYS)));
                    insert.setString(9, recent ? statuses[random.nextInt(statuses.length)].name() : TicketStatus.CLOSED.name());
                    insert.setInt(10, 1 + random.nextInt(3));
                    insert.setString(11, "Demande " + i);
                    insert.setTimestamp(12, Timestamp.from(created));
                    insert.setTimestamp(13, Timestamp.from(created));
                    insert.setTimestamp(14, Timestamp.from(created.plus(Duration.ofDays(1))));
                    insert.setTimestamp(15, Timestamp.from(created.plus(Duration.ofDays(5))));
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
}
