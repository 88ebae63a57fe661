package fr.sesame.it;

import fr.sesame.activation.ActivationRefusedException;
import fr.sesame.activation.ActivationService;
import fr.sesame.activation.CodeCheck;
import fr.sesame.mail.MessageChannel;
import fr.sesame.security.AttemptLimiter;
import fr.sesame.security.AttemptLimiter.Guarded;
import fr.sesame.security.TooManyAttemptsException;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attempt limits that hold under concurrency, inside the test server against its database: two hundred
 * guesses at once get no more tries than the limit, and a code typed twice at the same instant
 * verifies (and activates) once.
 */
@ExtendWith(ArquillianExtension.class)
class AttemptLimitsIT {

    private static final int PARALLEL = 200;

    @Deployment
    static WebArchive deployment() {
        return ServiceArchives.withSecondFactor(ServiceArchives.base("attempt-limits-it.war"))
                .addPackages(false, "fr.sesame.security", "fr.sesame.activation", "fr.sesame.device", "fr.sesame.account")
                .addPackages(false, Filters.exclude(fr.sesame.password.RotationSchedule.class), "fr.sesame.password")
                .addPackages(false, Filters.exclude(fr.sesame.departure.DepartureSchedule.class), "fr.sesame.departure")
                .addClasses(fr.sesame.admin.Assignment.class, fr.sesame.school.SchoolCatalog.class, fr.sesame.school.SchoolDescription.class,
                        fr.sesame.school.SchoolOutcome.class, Mailboxes.class,
                        Mailboxes.Mail.class, HrFile.class)
                .addAsResource("fr/sesame/password/common-passwords.txt")
                .addAsLibraries(DirectoryIT.jarOf(org.passay.PasswordValidator.class),
                        DirectoryIT.jarOf(com.nulabinc.zxcvbn.Zxcvbn.class),
                        DirectoryIT.jarOf(org.altcha.altcha.Altcha.class), DirectoryIT.jarOf(org.json.JSONObject.class));
    }

    @Inject
    AttemptLimiter limiter;

    @Inject
    ActivationService activation;

    @Resource(lookup = "jdbc/sesame")
    DataSource dataSource;

    /** Runs the calls all at once and returns what each gave (or threw). */
    private static List<Object> atOnce(List<Callable<Object>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(calls.size(), 32));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return call.call();
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(2, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoHundredParallelGuessesAtOneAccountGetNoMoreThanTheLimit() throws Exception {
        String account = TestAgents.newIdentifiant("par-");
        List<Callable<Object>> guesses = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            String client = "198.51." + (i / 250) + "." + (i % 250);
            guesses.add(() -> {
                limiter.attempt(Guarded.CODE, account, client);
                return "counted";
            });
        }

        List<Object> outcomes = atOnce(guesses);

        assertThat(outcomes).filteredOn("counted"::equals).hasSize(limiter.maxFailures());
        assertThat(outcomes).filteredOn(TooManyAttemptsException.class::isInstance).hasSize(PARALLEL - limiter.maxFailures())
                .allSatisfy(refusal -> assertThat(((TooManyAttemptsException) refusal).bySubject()).isTrue());
    }

    @Test
    void oneClientAddressGetsItsLimitAcrossAccountsAndSuccessesGiveAttemptsBack() throws Exception {
        String client = "203.0.113." + (1 + (int) (System.nanoTime() % 250));
        limiter.forgetClient(Guarded.NUMEN, client);
        List<Callable<Object>> guesses = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            String account = TestAgents.newIdentifiant("cli-" + i + "-");
            guesses.add(() -> {
                limiter.attempt(Guarded.NUMEN, account, client);
                return account;
            });
        }

        List<Object> outcomes = atOnce(guesses);

        List<Object> counted = outcomes.stream().filter(String.class::isInstance).toList();
        assertThat(counted).hasSize(20); // sesame.abuse.client-max-failures
        // Refused by the address, the accounts kept nothing of these attempts.
        assertThat(outcomes).filteredOn(TooManyAttemptsException.class::isInstance)
                .allSatisfy(refusal -> assertThat(((TooManyAttemptsException) refusal).bySubject()).isFalse());
        // A success gives its attempt back to the address: one more is counted, then refused again.
        limiter.succeeded(Guarded.NUMEN, (String) counted.get(0), client);
        limiter.attempt(Guarded.NUMEN, "encore-" + System.nanoTime(), client);
        assertThat(atOnce(List.of(() -> {
            limiter.attempt(Guarded.NUMEN, "de-trop-" + System.nanoTime(), client);
            return "counted";
        }))).singleElement().isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void parallelWrongCodesUseUpTheCodeNeverMoreAndTheRightCodeTypedTwiceActivatesOnce() throws Exception {
        String identifiant = TestAgents.newIdentifiant("pcode-");
        String numen = HrFile.newNumen();
        String recovery = identifiant + "@perso.example.org";
        com.unboundid.ldap.sdk.Entry entry = TestAgents.active(identifiant, null, recovery, null, numen);
        entry.setAttribute("sesameAccountState", "pending");
        TestAgents.addFromTests(entry);

        activation.sendCode(identifiant, MessageChannel.EMAIL, "192.0.2.50");
        List<Callable<Object>> wrong = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            String guess = String.format("%06d", i);
            String client = "198.18." + (i / 250) + "." + (i % 250);
            wrong.add(() -> activation.verifyCode(identifiant, guess, client));
        }
        List<Object> outcomes = atOnce(wrong);
        List<Object> checked = outcomes.stream().filter(CodeCheck.class::isInstance).toList();
        assertThat(checked).as("codes compared: no more than the account's limit").hasSizeLessThanOrEqualTo(limiter.maxFailures());
        assertThat(checked).noneMatch(check -> ((CodeCheck) check).outcome() == CodeCheck.Outcome.VERIFIED);
        assertThat(failedTriesOf(identifiant)).as("the code's own tries").isLessThanOrEqualTo(3);

        // A new code, read where the agent reads it, typed twice at the same instant.
        limiter.forget(Guarded.CODE, identifiant);
        limiter.forget(Guarded.CODE_SENT, identifiant);
        Instant asked = Instant.now();
        activation.sendCode(identifiant, MessageChannel.EMAIL, "192.0.2.51");
        String code = awaitCodeSentAfter(recovery, asked);
        List<Object> twice = atOnce(List.of(() -> activation.verifyCode(identifiant, code, "192.0.2.52"),
                () -> activation.verifyCode(identifiant, code, "192.0.2.53")));
        assertThat(twice).as("both answered, none threw: %s", twice).allMatch(CodeCheck.class::isInstance);
        assertThat(twice).extracting(check -> ((CodeCheck) check).outcome())
                .containsExactlyInAnyOrder(CodeCheck.Outcome.VERIFIED, CodeCheck.Outcome.EXPIRED);

        // "Activer" sent twice at the same instant: one activation, the other finds it done.
        List<Object> completed = atOnce(List.of(
                () -> { activation.complete(identifiant, "Fusee-Orange-Du-Mardi-5", "Fusee-Orange-Du-Mardi-5", recovery, "192.0.2.54"); return "done"; },
                () -> { activation.complete(identifiant, "Fusee-Orange-Du-Mardi-5", "Fusee-Orange-Du-Mardi-5", recovery, "192.0.2.55"); return "done"; }));
        assertThat(completed).filteredOn("done"::equals).hasSize(1);
        assertThat(completed).filteredOn(ActivationRefusedException.class::isInstance).hasSize(1);
        assertThat(Mailboxes.await(TestAgents.academicAddress(identifiant), subject -> subject.startsWith("Bienvenue"),
                Duration.ofSeconds(60))).isNotNull();
        Mailboxes.sleep(3000);
        assertThat(Mailboxes.count(TestAgents.academicAddress(identifiant), subject -> subject.startsWith("Bienvenue")))
                .as("one welcome").isEqualTo(1);
    }

    @Test
    void codesSentToOneAccountAreLimitedPerHour() throws Exception {
        String identifiant = TestAgents.newIdentifiant("flood-");
        com.unboundid.ldap.sdk.Entry entry = TestAgents.active(identifiant, null, identifiant + "@perso.example.org", null,
                HrFile.newNumen());
        entry.setAttribute("sesameAccountState", "pending");
        TestAgents.addFromTests(entry);
        List<Callable<Object>> sends = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String client = "198.19.1." + (i + 1);
            sends.add(() -> {
                activation.sendCode(identifiant, MessageChannel.EMAIL, client);
                return "sent";
            });
        }

        List<Object> outcomes = atOnce(sends);

        assertThat(outcomes).filteredOn("sent"::equals).hasSize(5); // sesame.activation.code-sends-per-hour
        assertThat(outcomes).filteredOn(TooManyAttemptsException.class::isInstance).hasSize(15);
    }

    private int failedTriesOf(String identifiant) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select max(failed_tries) from activation_code where identifiant = ?")) {
            query.setString(1, identifiant);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** The newest code mailed to the address after {@code asked} (the server's courier delivers it). */
    private static String awaitCodeSentAfter(String address, Instant asked) {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(end)) {
            List<Mailboxes.Mail> codes = Mailboxes.read(address).stream().filter(mail -> mail.subject().startsWith("Votre code")).toList();
            if (codes.size() >= 2) {
                return codes.get(codes.size() - 1).find("code d’activation : (\\d{6})");
            }
            Mailboxes.sleep(300);
        }
        throw new AssertionError("No second code for " + address + " since " + asked);
    }
}
