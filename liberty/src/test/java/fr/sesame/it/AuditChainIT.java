package fr.sesame.it;

import fr.sesame.security.AuditChain;
import fr.sesame.security.AuditEvent;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditQuery;
import fr.sesame.security.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.UserTransaction;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail's chain inside the server, on the real database: transactions that write at the same
 * time still make one linear chain, a rolled-back one leaves no place behind, a row edited by SQL is
 * named by the verification, and only the RSSI (or an administrator) reads the trail.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {

    @Deployment
    static WebArchive deployment() {
        return AttemptLimitsIT.deployment().addClasses(CallerLogin.class);
    }

    @Inject
    AuditTrail audit;

    @Resource(lookup = "jdbc/sesame")
    DataSource dataSource;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    @Inject
    HttpServletRequest request;

    private CallerLogin login;

    @BeforeEach
    void logins() {
        login = new CallerLogin(request);
    }

    @Test
    void transactionsWritingAtOnceMakeOneLinearChain() throws Exception {
        String actor = TestAgents.newIdentifiant("chain-");
        int writers = 8;
        int eventsEach = 5;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(executor.submit(() -> {
                start.await();
                transaction.begin();
                for (int e = 0; e < eventsEach; e++) {
                    audit.record(AuditEventType.LOGIN_FAILED, actor, "192.0.2.70", "writer " + writer + " event " + e);
                }
                transaction.commit();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> each : done) {
            each.get();
        }
        executor.shutdown();

        List<Long> places = longs("select chain_seq from audit_event where actor = ? order by chain_seq", actor);
        assertThat(places).hasSize(writers * eventsEach).doesNotContainNull().doesNotHaveDuplicates();
        // One transaction's events sit side by side: the head's lock was held from the first to the last.
        for (int w = 0; w < writers; w++) {
            List<Long> own = longs("select chain_seq from audit_event where actor = ? and detail like ? order by chain_seq",
                    actor, "writer " + w + " %");
            assertThat(own.get(own.size() - 1) - own.get(0)).isEqualTo(eventsEach - 1);
        }
        assertVerifiedIntact();
    }

    @Test
    void theVerificationOfALiveTrailIsNotFooledByEventsCommittedMeanwhile() throws Exception {
        String actor = TestAgents.newIdentifiant("chain-");
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            writers.add(executor.submit(() -> {
                while (writing.get()) {
                    audit.record(AuditEventType.LOGIN_SUCCEEDED, actor, "192.0.2.73", null);
                }
                return null;
            }));
        }
        try {
            for (int i = 0; i < 10; i++) {
                assertVerifiedIntact(); // the head moves on while each walk goes
            }
        } finally {
            writing.set(false);
            for (Future<?> writer : writers) {
                writer.get();
            }
            executor.shutdown();
        }
        assertThat(longs("select count(*) from audit_event where actor = ?", actor).get(0)).isPositive();
        assertVerifiedIntact();
    }

    @Test
    void aRolledBackTransactionLeavesNeitherEventNorGap() throws Exception {
        String actor = TestAgents.newIdentifiant("chain-");
        transaction.begin();
        audit.record(AuditEventType.LOGOUT, actor, null, null);
        transaction.rollback();
        audit.record(AuditEventType.LOGIN_SUCCEEDED, actor, null, null);

        assertThat(longs("select chain_seq from audit_event where actor = ?", actor)).hasSize(1);
        assertVerifiedIntact();
    }

    @Test
    void aRowEditedInTheDatabaseIsNamedByTheVerification() throws Exception {
        String actor = TestAgents.newIdentifiant("chain-");
        audit.record(AuditEventType.LOCK_LIFTED, actor, "192.0.2.71", "by hotline1");
        audit.recordAction(AuditEventType.LOCK_LIFTED, actor, "hotline1", "192.0.2.71", "by hotline1");
        long id = longs("select max(id) from audit_event where actor = ?", actor).get(0);
        long place = longs("select chain_seq from audit_event where id = ?", id).get(0);
        update("update audit_event set performed_by = 'quelquun' where id = ?", id);
        try {
            AuditChain.Verification verification = login.as("rssi1", () -> audit.verify());

            assertThat(verification.intact()).isFalse();
            assertThat(verification.problem()).isEqualTo(AuditChain.Problem.ALTERED);
            assertThat(verification.brokenId()).isEqualTo(id);
            assertThat(verification.brokenSeq()).isEqualTo(place);
        } finally {
            update("update audit_event set performed_by = 'hotline1' where id = ?", id); // the trail of later tests
        }
        assertVerifiedIntact();
    }

    @Test
    void theRssiSearchesTheTrailByAgentStaffMemberAndKind() throws Exception {
        String actor = TestAgents.newIdentifiant("chain-");
        audit.record(AuditEventType.LOGIN_FAILED, actor, "192.0.2.72", null);
        audit.recordAction(AuditEventType.LOCK_LIFTED, actor, "hotline1", "192.0.2.72", "by hotline1");

        AuditQuery byAgent = new AuditQuery(Optional.of(actor.toUpperCase()), null, null, null, null, null);
        AuditQuery lifts = new AuditQuery(Optional.of(actor), Optional.of("hotline1"),
                Optional.of(AuditEventType.LOCK_LIFTED), null, null, null);

        List<AuditEvent> found = login.as("rssi1", () -> audit.search(byAgent, 0, 10));
        assertThat(found).extracting(AuditEvent::type).containsExactly(AuditEventType.LOCK_LIFTED, AuditEventType.LOGIN_FAILED);
        assertThat(login.as("rssi1", () -> audit.count(lifts))).isEqualTo(1);
        List<AuditEvent> exported = new ArrayList<>();
        login.run("admin1", () -> audit.forEach(byAgent, exported::add));
        assertThat(exported).hasSize(2);
    }

    @Test
    void noOneButTheRssiAndAdministratorsReadsOrVerifiesTheTrail() {
        for (String identifiant : List.of("cmartin", "hotline1", "referent1")) {
            assertThatThrownBy(() -> login.as(identifiant, () -> audit.search(AuditQuery.all(), 0, 1)))
                    .as(identifiant).isInstanceOf(EJBAccessException.class);
            assertThatThrownBy(() -> login.as(identifiant, () -> audit.verify()))
                    .as(identifiant).isInstanceOf(EJBAccessException.class);
        }
    }

    private void assertVerifiedIntact() throws Exception {
        AuditChain.Verification verification = login.as("rssi1", () -> audit.verify());
        assertThat(verification.intact()).as(verification.describe()).isTrue();
    }

    private void update(String sql, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private List<Long> longs(String sql, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<Long> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(1) == null ? null : rows.getLong(1));
                }
            }
            return values;
        }
    }
}
