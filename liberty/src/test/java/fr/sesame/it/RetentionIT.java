package fr.sesame.it;

import fr.sesame.retention.Kept;
import fr.sesame.retention.PurgeReport;
import fr.sesame.retention.RetentionPurge;
import fr.sesame.security.AuditChain;
import fr.sesame.security.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly purge inside the server, on the real database: rows made old (their dates moved back, no
 * waiting) go, each kind after its own duration, and the recent ones, the open tickets and the valid links
 * stay. The audit chain still verifies afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    @Deployment
    static WebArchive deployment() {
        return AttemptLimitsIT.deployment().addPackage(RetentionPurge.class.getPackage()).addClasses(CallerLogin.class);
    }

    @Inject
    RetentionPurge purge;

    @Inject
    AuditTrail audit;

    @Resource(lookup = "jdbc/sesame")
    DataSource dataSource;

    @Inject
    HttpServletRequest request;

    @Test
    void eachKindGoesAfterItsOwnDurationAndTheRestStays() throws Exception {
        Instant now = Instant.now();
        String who = TestAgents.newIdentifiant("purge-");

        long oldSent = message(who, "SENT", now.minus(Duration.ofDays(100)));
        long oldFailed = message(who, "FAILED", now.minus(Duration.ofDays(100)));
        long oldQueued = message(who, "QUEUED", now.minus(Duration.ofDays(100)));
        long recentSent = message(who, "SENT", now.minus(Duration.ofDays(10)));

        long oldClosed = ticket("CLOSED", now.minus(Duration.ofDays(800)));
        long oldResolved = ticket("RESOLVED", now.minus(Duration.ofDays(800)));
        long recentClosed = ticket("CLOSED", now.minus(Duration.ofDays(100)));

        long usedInvitation = invitation(who, now.minus(Duration.ofDays(200)), now.minus(Duration.ofDays(190)), true);
        long validInvitation = invitation(who, now.minus(Duration.ofDays(200)), now.plus(Duration.ofDays(5)), false);
        long recentInvitation = invitation(who, now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(10)), true);

        long oldReset = reset(who, now.minus(Duration.ofDays(40)));
        long recentReset = reset(who, now.minus(Duration.ofDays(10)));

        String oldSubject = who + "-old";
        String lockedSubject = who + "-locked";
        update("insert into attempt_counter (subject_hash, attempts, window_start, locked_until) values (?, 5, ?, null)",
                oldSubject, at(now.minus(Duration.ofDays(40))));
        update("insert into attempt_counter (subject_hash, attempts, window_start, locked_until) values (?, 5, ?, ?)",
                lockedSubject, at(now.minus(Duration.ofDays(40))), at(now.plus(Duration.ofHours(1))));

        long oldImport = importRun(who, now.minus(Duration.ofDays(400)));
        long recentImport = importRun(who, now.minus(Duration.ofDays(1)));

        PurgeReport report = purge.run(now);

        assertThat(longs("select id from outbound_message where recipient = ?", who + "@perso.example.org"))
                .containsExactlyInAnyOrder(oldQueued, recentSent).doesNotContain(oldSent, oldFailed);
        assertThat(longs("select id from ticket where id in (?, ?, ?)", oldClosed, oldResolved, recentClosed))
                .containsExactlyInAnyOrder(oldResolved, recentClosed);
        assertThat(longs("select count(*) from ticket_event where ticket_id = ?", oldClosed)).containsExactly(0L);
        assertThat(longs("select count(*) from ticket_attachment where ticket_id = ?", oldClosed)).containsExactly(0L);
        assertThat(longs("select count(*) from ticket_event where ticket_id = ?", recentClosed)).containsExactly(1L);
        assertThat(longs("select id from invitation where identifiant = ?", who))
                .containsExactlyInAnyOrder(validInvitation, recentInvitation).doesNotContain(usedInvitation);
        assertThat(longs("select id from password_reset where identifiant = ?", who))
                .containsExactly(recentReset).doesNotContain(oldReset);
        assertThat(longs("select count(*) from attempt_counter where subject_hash in (?, ?)", oldSubject, lockedSubject))
                .containsExactly(1L);
        assertThat(longs("select id from import_run where id in (?, ?)", oldImport, recentImport)).containsExactly(recentImport);
        assertThat(longs("select count(*) from import_rejection where import_run_id = ?", oldImport)).containsExactly(0L);
        assertThat(longs("select count(*) from import_rejection where import_run_id = ?", recentImport)).containsExactly(1L);
        // The HR file itself does not outlive its import; its report (masked NUMENs) stays a year.
        assertThat(longs("select octet_length(content) from import_run where id = ?", recentImport)).containsExactly(0L);

        assertThat(report.of(Kept.OUTBOX)).isGreaterThanOrEqualTo(2);
        assertThat(report.of(Kept.CLOSED_TICKETS)).isGreaterThanOrEqualTo(1);

        // Again: nothing more is due, and the chain is whole.
        PurgeReport again = purge.run(now);
        assertThat(again.of(Kept.OUTBOX)).isZero();
        assertThat(again.of(Kept.CLOSED_TICKETS)).isZero();
        AuditChain.Verification verification = new CallerLogin(request).as("rssi1", () -> audit.verify());
        assertThat(verification.intact()).as(verification.describe()).isTrue();

        for (long kept : List.of(oldResolved, recentClosed)) { // out of the queues of the tests that follow
            update("delete from ticket_attachment where ticket_id = ?", kept);
            update("delete from ticket_event where ticket_id = ?", kept);
            update("delete from ticket where id = ?", kept);
        }
    }

    private long message(String who, String status, Instant created) throws Exception {
        return insert("insert into outbound_message (channel, recipient, status, attempts, created_at, next_attempt_at, version,"
                + " bulk) values ('EMAIL', ?, ?, 1, ?, ?, 0, false)", who + "@perso.example.org", status, at(created), at(created));
    }

    private long ticket(String status, Instant closedOrResolved) throws Exception {
        long id = 900_000_000L + ThreadLocalRandom.current().nextLong(99_000_000L);
        OffsetDateTime at = at(closedOrResolved);
        update("insert into ticket (id, reference, requester_name, contact_address, identity_verified, category, urgency,"
                + " impact, priority, status, support_level, subject, description, created_at, updated_at, take_deadline,"
                + " resolve_deadline, resolved_at, closed_at, version) values (?, ?, 'Purge', 'purge@perso.example.org', false,"
                + " 'OTHER', 1, 1, 1, ?, 2, 'Ancienne demande', 'Texte', ?, ?, ?, ?, ?, ?, 0)",
                id, "PRG-" + id, status, at, at, at, at, at, "CLOSED".equals(status) ? at : null);
        update("insert into ticket_event (ticket_id, type, public_, body, created_at) values (?, 'NOTE', false, 'note', ?)", id, at);
        update("insert into ticket_attachment (ticket_id, file_name, media_type, size_bytes, content, created_at)"
                + " values (?, 'capture.png', 'image/png', 3, ?, ?)", id, new byte[] {1, 2, 3}, at);
        return id;
    }

    private long invitation(String who, Instant created, Instant expires, boolean closed) throws Exception {
        return insert("insert into invitation (identifiant, token_hash, created_at, expires_at, closed_at) values (?, ?, ?, ?, ?)",
                who, TestAgents.newIdentifiant("h-") + created.toEpochMilli(), at(created), at(expires), closed ? at(expires) : null);
    }

    private long reset(String who, Instant expired) throws Exception {
        return insert("insert into password_reset (identifiant, token_hash, created_at, expires_at) values (?, ?, ?, ?)",
                who, TestAgents.newIdentifiant("r-") + expired.toEpochMilli(), at(expired.minus(Duration.ofHours(1))), at(expired));
    }

    private long importRun(String who, Instant finished) throws Exception {
        long id = insert("insert into import_run (file_name, content, uploaded_by, uploaded_at, status, total_lines, processed_lines,"
                + " invited, unchanged, rejected, started_at, finished_at) values ('affectations.csv', ?, ?, ?, 'COMPLETED', 2, 2, 1, 0,"
                + " 1, ?, ?)", "NUMEN;NOM".getBytes(java.nio.charset.StandardCharsets.UTF_8), who, at(finished), at(finished), at(finished));
        update("insert into import_rejection (import_run_id, line_number, reason, detail) values (?, 2, 'import.reject.NUMEN_INVALID', '20E15•••••CMA')", id);
        return id;
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

    private List<Long> longs(String sql, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, parameters);
            List<Long> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
            return values;
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws Exception {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
