package fr.sesame.benchmark;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.StaticUtils;
import fr.sesame.it.RotationIT;
import fr.sesame.it.TestAgents;
import fr.sesame.password.RotationSweeper;
import fr.sesame.password.SweepReport;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (not a test: it asserts nothing about time): the renewal reminder sweep over 100,000
 * generated directory entries of which 1% are due, inside Liberty, beside plain paged searches of the
 * same entries with the UnboundID SDK. Prints time and peak heap of each, and writes them to
 * target/benchmark-rotation.txt (in the server's working directory, and on the console).
 * Run: {@code mvn verify -Pbenchmark} (see README).
 */
@ExtendWith(ArquillianExtension.class)
class RotationBenchmarkIT {

    private static final int ENTRIES = Integer.getInteger("sesame.benchmark.entries", 100_000);
    private static final int DUE_EVERY = 100; // 1%
    private static final int PAGE = 500;

    @Deployment
    static WebArchive deployment() {
        return RotationIT.deployment();
    }

    @Inject
    RotationSweeper sweeper;

    @Inject
    Config config;

    private String directoryName;

    @Test
    void sweepOverAHundredThousandEntries() throws Exception {
        // Years ahead, so that only the generated entries are in the reminder window.
        Instant now = Instant.now().plus(Duration.ofDays(7300)).truncatedTo(ChronoUnit.SECONDS);
        String branch = generate(now);

        Measure plainFiltered = measure(() -> pagedSearch(Filter.createANDFilter(
                Filter.createGreaterOrEqualFilter("pwdChangedTime", StaticUtils.encodeGeneralizedTime(Date.from(now.minus(Duration.ofDays(180))))),
                Filter.createLessOrEqualFilter("pwdChangedTime", StaticUtils.encodeGeneralizedTime(Date.from(now.minus(Duration.ofDays(150))))),
                Filter.createEqualityFilter("objectClass", "inetOrgPerson")), branch));
        Measure plainAll = measure(() -> pagedSearch(Filter.createEqualityFilter("objectClass", "inetOrgPerson"), branch));
        Measure sweep = measure(() -> sweeper.run(now));
        SweepReport report = (SweepReport) sweep.result;

        assertThat(report.sent()).isEqualTo(ENTRIES / DUE_EVERY);
        String text = String.format(
                "Directory: %,d generated entries, %,d due (1%%), %s%n"
                        + "Sésame sweep (paged filtered search + Sésame's dates + %,d reminders, each recorded and queued as an e-mail): %.2f s, peak heap %,d MiB%n"
                        + "Plain paged search, same filter (%,d entries): %.2f s, peak heap %,d MiB  -> sweep/plain = %.1f%n"
                        + "Plain paged search of all %,d entries: %.2f s, peak heap %,d MiB  -> sweep/plain = %.2f%n",
                ENTRIES, ENTRIES / DUE_EVERY, directoryName,
                report.sent(), sweep.seconds, sweep.peakHeapMiB,
                (Integer) plainFiltered.result, plainFiltered.seconds, plainFiltered.peakHeapMiB, sweep.seconds / plainFiltered.seconds,
                (Integer) plainAll.result, plainAll.seconds, plainAll.peakHeapMiB, sweep.seconds / plainAll.seconds);
        System.out.print(text);
        Files.writeString(Path.of("benchmark-rotation.txt"), text);
    }

    /** The generated agents: 1% changed their password 150 days and an hour before {@code now}, the rest later. */
    private String generate(Instant now) throws Exception {
        String branch = "ou=bench" + now.getEpochSecond() + "," + TestAgents.PEOPLE_DN;
        Random random = new Random(42);
        // As the académie's HR feed adds people: the directory's manager, the password's date given.
        try (LDAPConnection connection = TestAgents.managerConnection()) {
            directoryName = TestAgents.directoryName(connection);
            Entry unit = new Entry(branch);
            unit.addAttribute("objectClass", "top", "organizationalUnit");
            unit.addAttribute("ou", "bench" + now.getEpochSecond());
            connection.add(unit);
            for (int i = 0; i < ENTRIES; i++) {
                String identifiant = "bench" + now.getEpochSecond() + "x" + i;
                Instant changed = i % DUE_EVERY == 0
                        ? now.minus(Duration.ofDays(150)).minus(Duration.ofHours(1))
                        : now.minus(Duration.ofMinutes(random.nextInt(140 * 24 * 60)));
                Entry entry = TestAgents.active(identifiant, changed, null, null, null);
                connection.add(new com.unboundid.ldap.sdk.AddRequest(new Entry("uid=" + identifiant + "," + branch,
                        entry.getAttributes()), new com.unboundid.ldap.sdk.Control[] {TestAgents.RELAX}));
            }
        }
        return branch;
    }

    private int pagedSearch(Filter filter, String branch) throws Exception {
        int count = 0;
        try (LDAPConnection connection = ldap()) {
            SearchRequest request = new SearchRequest(branch, SearchScope.SUB, filter,
                    "uid", "givenName", "sn", "displayName", "mail", "sesameUai", "sesameRecoveryMail", "mobile",
                    "sesameAccountState", "pwdChangedTime");
            ASN1OctetString cookie = null;
            do {
                request.setControls(new SimplePagedResultsControl(PAGE, cookie, true));
                SearchResult page = connection.search(request);
                count += page.getEntryCount();
                SimplePagedResultsControl response = SimplePagedResultsControl.get(page);
                cookie = response == null || !response.moreResultsToReturn() ? null : response.getCookie();
            } while (cookie != null);
        }
        return count;
    }

    private LDAPConnection ldap() throws Exception {
        return new LDAPConnection(config.getValue("sesame.ldap.host", String.class),
                config.getValue("sesame.ldap.port", Integer.class),
                config.getValue("sesame.ldap.bind-dn", String.class),
                config.getValue("sesame.ldap.bind-password", String.class));
    }

    private record Measure(Object result, double seconds, long peakHeapMiB) {
    }

    private static Measure measure(Callable<?> work) throws Exception {
        System.gc();
        var pools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        Object result = work.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Measure(result, seconds, peak / (1024 * 1024));
    }
}
