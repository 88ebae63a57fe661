package fr.sesame.farm;

import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPConnection;
import fr.sesame.it.ItSettings;
import fr.sesame.it.TestAgents;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renewal reminders on the farm: both members sweep at the same moment, and each agent's mailbox,
 * read over IMAP, holds the reminder once.
 */
class FarmRotationIT {

    private static final int AGENTS = 1000;
    private static final String SUBJECT = "Votre mot de passe expire dans 30 jour(s)";
    private static final Duration DELIVERY_LIMIT = Duration.ofMinutes(10);

    /** Agents whose password the directory dates {@code changedAt}, added in one connection. */
    static List<String> addAgents(String prefix, int count, Instant changedAt) throws Exception {
        List<String> identifiants = new ArrayList<>();
        try (LDAPConnection connection = TestAgents.managerConnection()) {
            for (int i = 0; i < count; i++) {
                String identifiant = TestAgents.newIdentifiant(prefix);
                connection.add(new AddRequest(TestAgents.active(identifiant, changedAt, null, null, null),
                        new Control[] {TestAgents.RELAX}));
                identifiants.add(identifiant);
            }
        }
        return identifiants;
    }

    /** Runs the sweep from the admin page of {@code member}, as an administrator would. */
    static Sweep sweepOn(Farm.Member member) throws Exception {
        FarmVisitor admin = new FarmVisitor("10.9.1.9");
        assertThat(admin.logIn(member, "admin1", ItSettings.DEMO_PASSWORD)).doesNotContain("refus");
        return Sweep.of(admin.submit(member, FarmVisitor.form(admin.get(member, "/admin"), "rappels"),
                Map.of("rappels:lancer", "")));
    }

    /** Runs the sweep from the admin page of each member at once; returns the pages that answered. */
    static List<HttpResponse<String>> sweepOnBothAtOnce(Farm farm) throws Exception {
        List<Farm.Member> members = farm.members();
        List<FarmVisitor> admins = new ArrayList<>();
        List<FarmVisitor.Form> forms = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            FarmVisitor admin = new FarmVisitor("10.9.1." + (i + 1));
            assertThat(admin.logIn(members.get(i), "admin1", ItSettings.DEMO_PASSWORD)).doesNotContain("refus");
            forms.add(FarmVisitor.form(admin.get(members.get(i), "/admin"), "rappels"));
            admins.add(admin);
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(members.size());
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                int member = i;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return admins.get(member).submit(members.get(member), forms.get(member),
                                Map.of("rappels:lancer", ""));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, threads));
            }
            go.countDown();
            List<HttpResponse<String>> pages = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                pages.add(answer.join());
            }
            return pages;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Waits until the outbox holds nothing for these agents that is still to be delivered. */
    static void awaitDelivered(Farm farm, String prefix) throws Exception {
        Instant end = Instant.now().plus(DELIVERY_LIMIT);
        while (farm.count("select count(*) from outbound_message where reference like ?"
                + " and status in ('QUEUED', 'SENDING')", prefix + "%") > 0) {
            assertThat(Instant.now()).as("the outbox delivered everything within " + DELIVERY_LIMIT).isBefore(end);
            Farm.sleep(Duration.ofSeconds(1));
        }
    }

    /** What the admin page says of the round it ran. */
    record Sweep(int examined, int due, int sentNow, int alreadySent) {

        private static final java.util.regex.Pattern REPORT = java.util.regex.Pattern.compile(
                "Tournée terminée : ([\\d\\s\u00a0\u202f]+) compte\\(s\\) examiné\\(s\\), ([\\d\\s\u00a0\u202f]+) rappel\\(s\\) dû\\(s\\),"
                        + " ([\\d\\s\u00a0\u202f]+) envoyé\\(s\\) maintenant, ([\\d\\s\u00a0\u202f]+) déjà envoyé\\(s\\)");

        static Sweep of(HttpResponse<String> page) {
            assertThat(page.statusCode()).isEqualTo(200);
            java.util.regex.Matcher report = REPORT.matcher(page.body());
            assertThat(report.find()).as("the sweep's report in %s", page.body()).isTrue();
            return new Sweep(number(report.group(1)), number(report.group(2)), number(report.group(3)),
                    number(report.group(4)));
        }

        private static int number(String text) {
            return Integer.parseInt(text.replaceAll("\\D", ""));
        }
    }

    @Test
    void bothMembersSweepAtOnceAndEachAgentReadsTheReminderOnce() throws Exception {
        Farm farm = Farm.running();
        String prefix = "frot-";
        List<String> agents = addAgents(prefix, AGENTS, Instant.now().minus(Duration.ofDays(150)));

        List<HttpResponse<String>> pages = sweepOnBothAtOnce(farm);

        // Both members swept every due agent, and between them sent each reminder once.
        List<Sweep> sweeps = pages.stream().map(Sweep::of).toList();
        assertThat(sweeps).allSatisfy(sweep -> assertThat(sweep.examined()).isGreaterThanOrEqualTo(AGENTS));
        System.out.printf("Farm rotation: %d due, sent %s by the two sweeps%n", sweeps.get(0).due(),
                sweeps.stream().map(sweep -> String.valueOf(sweep.sentNow())).toList());
        assertThat(sweeps.stream().mapToInt(Sweep::sentNow).sum()).isEqualTo(sweeps.get(0).due());
        assertThat(farm.count("select count(*) from rotation_reminder where identifiant like ?", prefix + "%"))
                .isEqualTo(AGENTS);
        awaitDelivered(farm, prefix);
        assertThat(farm.count("select count(*) from outbound_message where reference like ? and status = 'SENT'",
                prefix + "%")).isEqualTo(AGENTS);
        List<String> notOnce = Inboxes.notExactlyOnce(agents, SUBJECT);
        assertThat(notOnce).as("mailboxes without exactly one reminder").isEmpty();
    }
}
