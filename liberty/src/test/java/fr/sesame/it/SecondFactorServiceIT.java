package fr.sesame.it;

import fr.sesame.secondfactor.LoginCodeOutcome;
import fr.sesame.secondfactor.SecondFactorService;
import fr.sesame.secondfactor.SecondFactorStatus;
import fr.sesame.secondfactor.TotpCodes;
import fr.sesame.security.NotTheCallerException;
import fr.sesame.security.SecretTokens;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The second factor inside the server, against the real database: what it stores (a sealed secret,
 * hashed recovery codes), that a code and a recovery code serve once, and who may reset it.
 */
@ExtendWith(ArquillianExtension.class)
class SecondFactorServiceIT {

    /** Time enough for the calls of one test: the steps it names around the current one stay accepted. */
    private static final Duration TIME_TO_SPARE = Duration.ofSeconds(5);

    @Deployment
    static WebArchive deployment() {
        return AttemptLimitsIT.deployment().addClasses(CallerLogin.class);
    }

    @Inject
    SecondFactorService secondFactors;

    @Resource(lookup = "jdbc/sesame")
    DataSource dataSource;

    @Inject
    HttpServletRequest request;

    private CallerLogin login;

    @BeforeEach
    void logins() {
        login = new CallerLogin(request);
    }

    private static String newAgent() {
        String identifiant = TestAgents.newIdentifiant("2fa-");
        TestAgents.addFromTests(TestAgents.active(identifiant, null, identifiant + "@perso.example.org",
                ItSettings.DEMO_PASSWORD, null));
        return identifiant;
    }

    private List<String> column(String sql, String identifiant) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, identifiant);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    @Test
    void theSecretIsSealedTheRecoveryCodesHashedAndEachServesOnce() throws Exception {
        String identifiant = newAgent();
        TotpCodes codes = new TotpCodes();
        SecondFactorStatus.Enrolment enrolment = login.as(identifiant, () -> secondFactors.startEnrolment(identifiant));
        assertThat(enrolment.uri()).startsWith("otpauth://totp/").contains("secret=" + enrolment.secret());

        long now = stepWithTimeToSpare();
        List<String> recovery = login.as(identifiant, () -> secondFactors.confirmEnrolment(identifiant,
                codes.codeAt(enrolment.secret(), now - 1), "192.0.2.61"));
        assertThat(recovery).hasSize(SecondFactorService.RECOVERY_CODES);

        List<String> stored = column("select sealed_secret from second_factor where identifiant = ?", identifiant);
        assertThat(stored).singleElement().satisfies(sealed -> assertThat(sealed).startsWith("v1:").doesNotContain(enrolment.secret()));
        List<String> hashes = column("select code_hash from recovery_code where identifiant = ?", identifiant);
        assertThat(hashes).hasSize(10).noneMatch(hash -> recovery.stream().anyMatch(code -> hash.contains(code.replace("-", ""))));
        assertThat(hashes).contains(SecretTokens.hash(identifiant + ":recovery:" + recovery.get(0).replace("-", "")));

        // The confirming code's step is used; the next one opens a login once, one step of drift each way.
        assertThat(login.as(identifiant, () -> secondFactors.verifyAtLogin(identifiant, codes.codeAt(enrolment.secret(), now - 1),
                "192.0.2.61", false))).isEqualTo(LoginCodeOutcome.REFUSED);
        String next = codes.codeAt(enrolment.secret(), now + 1);
        assertThat(login.as(identifiant, () -> secondFactors.verifyAtLogin(identifiant, next, "192.0.2.61", false)))
                .isEqualTo(LoginCodeOutcome.ACCEPTED);
        assertThat(login.as(identifiant, () -> secondFactors.verifyAtLogin(identifiant, next, "192.0.2.61", false)))
                .isEqualTo(LoginCodeOutcome.REFUSED);
        // An earlier step than the last one used is a replay too.
        assertThat(login.as(identifiant, () -> secondFactors.verifyAtLogin(identifiant, codes.codeAt(enrolment.secret(), now),
                "192.0.2.61", false))).isEqualTo(LoginCodeOutcome.REFUSED);

        String recoveryCode = recovery.get(5);
        assertThat(login.as(identifiant, () -> secondFactors.verifyAtLogin(identifiant, " " + recoveryCode.toLowerCase() + " ",
                "192.0.2.61", false))).isEqualTo(LoginCodeOutcome.RECOVERY_CODE_ACCEPTED);
        assertThat(login.as(identifiant, () -> secondFactors.verifyAtLogin(identifiant, recoveryCode, "192.0.2.61", false)))
                .isEqualTo(LoginCodeOutcome.REFUSED);
        assertThat(column("select count(*) from recovery_code where identifiant = ? and used_at is null", identifiant))
                .containsExactly("9");
        assertThat(column("select type from audit_event where actor = ? order by id", identifiant))
                .contains("SECOND_FACTOR_ENABLED", "SECOND_FACTOR_CODE_REFUSED", "SECOND_FACTOR_RECOVERY_CODE_USED");
    }

    @Test
    void onlyTheHotlineResetsAnotherAgentsSecondFactorAndTheTrailNamesWho() throws Exception {
        String identifiant = newAgent();
        String other = newAgent();
        TotpCodes codes = new TotpCodes();
        SecondFactorStatus.Enrolment enrolment = login.as(identifiant, () -> secondFactors.startEnrolment(identifiant));
        login.as(identifiant, () -> secondFactors.confirmEnrolment(identifiant,
                codes.codeAt(enrolment.secret(), stepWithTimeToSpare()), "192.0.2.62"));

        // An agent cannot reset, read or enrol someone else's.
        assertThatThrownBy(() -> login.run(other, () -> secondFactors.resetByHotline(identifiant, other, "192.0.2.63")))
                .isInstanceOf(jakarta.ejb.EJBAccessException.class);
        assertThatThrownBy(() -> login.run(other, () -> secondFactors.statusOf(identifiant)))
                .isInstanceOf(NotTheCallerException.class);
        assertThat(secondFactors.isEnabled(identifiant)).isTrue();

        assertThat(login.as("hotline1", () -> secondFactors.resetByHotline(identifiant, "hotline1", "192.0.2.64"))).isTrue();
        assertThat(secondFactors.isEnabled(identifiant)).isFalse();
        assertThat(column("select count(*) from recovery_code where identifiant = ?", identifiant)).containsExactly("0");
        assertThat(column("select detail from audit_event where actor = ? and type = 'SECOND_FACTOR_RESET'", identifiant))
                .singleElement().asString().contains("hotline1");
        assertThat(login.as("hotline1", () -> secondFactors.resetByHotline(identifiant, "hotline1", "192.0.2.64"))).isFalse();
    }

    /**
     * The current step, once it has five seconds or more left: the steps these tests name around it
     * (one each way) stay within the service's drift until the test's last call.
     */
    private static long stepWithTimeToSpare() throws InterruptedException {
        Instant now = Instant.now();
        long step = TotpCodes.stepOf(now);
        Duration left = Duration.between(now, Instant.ofEpochSecond((step + 1) * TotpCodes.STEP.getSeconds()));
        if (left.compareTo(TIME_TO_SPARE) < 0) {
            Thread.sleep(left.toMillis() + 50);
            step = step + 1;
        }
        return step;
    }
}
