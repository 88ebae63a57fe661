package fr.sesame.security;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain on the real schema (the migrations, on H2): linked events verify, and each way of tampering
 * with them is named at its first broken link.
 */
class AuditChainTest {

    private static final Instant NOON = Instant.parse("2026-12-03T12:00:00.123456789Z");

    private Connection connection;

    @BeforeEach
    void migrate() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=LEGACY;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .placeholders(java.util.Map.of("binary_type", "blob")).load().migrate();
        connection = DriverManager.getConnection(url, "sa", "");
        connection.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void anEmptyTrailIsIntact() throws SQLException {
        AuditChain.Verification verification = AuditChain.verify(connection);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.checked()).isZero();
    }

    @Test
    void eventsLinkedInSeveralTransactionsVerifyInOrder() throws SQLException {
        write(3);
        write(2);

        AuditChain.Verification verification = AuditChain.verify(connection);

        assertThat(verification.intact()).as(verification.describe()).isTrue();
        assertThat(verification.checked()).isEqualTo(5);
        assertThat(texts("select chain_seq from audit_event order by id")).containsExactly("1", "2", "3", "4", "5");
        assertThat(texts("select last_seq from audit_chain_head")).containsExactly("5");
    }

    @Test
    void anEditedEventIsNamed() throws SQLException {
        List<Long> ids = write(4);
        execute("update audit_event set detail = 'by nobody' where id = " + ids.get(2));

        AuditChain.Verification verification = AuditChain.verify(connection);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.problem()).isEqualTo(AuditChain.Problem.ALTERED);
        assertThat(verification.brokenId()).isEqualTo(ids.get(2));
        assertThat(verification.brokenSeq()).isEqualTo(3);
        assertThat(verification.checked()).isEqualTo(2);
    }

    @Test
    void anEditedTimeOrKindIsNamedToo() throws SQLException {
        List<Long> ids = write(2);
        execute("update audit_event set type = 'LOGOUT' where id = " + ids.get(0));

        assertThat(AuditChain.verify(connection).brokenId()).isEqualTo(ids.get(0));
    }

    @Test
    void aRemovedEventIsNamedByTheOneAfterIt() throws SQLException {
        List<Long> ids = write(4);
        execute("delete from audit_event where id = " + ids.get(1));

        AuditChain.Verification verification = AuditChain.verify(connection);

        assertThat(verification.problem()).isEqualTo(AuditChain.Problem.MISSING);
        assertThat(verification.brokenSeq()).isEqualTo(2);
        assertThat(verification.brokenId()).isEqualTo(ids.get(2));
    }

    @Test
    void aRemovedTailIsSeenAgainstTheHead() throws SQLException {
        List<Long> ids = write(3);
        execute("delete from audit_event where id = " + ids.get(2));

        AuditChain.Verification verification = AuditChain.verify(connection);

        assertThat(verification.problem()).isEqualTo(AuditChain.Problem.TRUNCATED);
        assertThat(verification.brokenSeq()).isEqualTo(3);
    }

    @Test
    void anEventSlippedInByHandIsNamed() throws SQLException {
        write(2);
        execute("insert into audit_event (occurred_at, type, actor) values (current_timestamp, 'LOGIN_SUCCEEDED', 'intrus')");
        long slipped = Long.parseLong(texts("select max(id) from audit_event").get(0));

        AuditChain.Verification verification = AuditChain.verify(connection);

        assertThat(verification.problem()).isEqualTo(AuditChain.Problem.UNCHAINED);
        assertThat(verification.brokenId()).isEqualTo(slipped);
    }

    @Test
    void eventsFromBeforeTheChainAreCountedApart() throws SQLException {
        execute("insert into audit_event (occurred_at, type, actor) values (current_timestamp, 'LOGOUT', 'ancien')");
        write(2);

        AuditChain.Verification verification = AuditChain.verify(connection);

        assertThat(verification.intact()).as(verification.describe()).isTrue();
        assertThat(verification.unchained()).isEqualTo(1);
        assertThat(verification.checked()).isEqualTo(2);
    }

    @Test
    void thePurgeRemovesTheOldestEventsAndTheChainVerifiesFromWhereItEnded() throws SQLException {
        List<Long> ids = write(5); // NOON, NOON + 1 s ... NOON + 4 s

        Instant third = NOON.plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as stored
        int removed = AuditChain.purgeBefore(connection, third, 2);
        connection.commit();
        int more = AuditChain.purgeBefore(connection, third, 2);
        connection.commit();

        assertThat(removed).isEqualTo(2);
        assertThat(more).isZero();
        assertThat(texts("select id from audit_event order by id")).containsExactly(
                ids.get(2).toString(), ids.get(3).toString(), ids.get(4).toString());
        AuditChain.Verification verification = AuditChain.verify(connection);
        assertThat(verification.intact()).as(verification.describe()).isTrue();
        assertThat(verification.checked()).isEqualTo(3);

        execute("delete from audit_event where id = " + ids.get(2));
        assertThat(AuditChain.verify(connection).problem()).isEqualTo(AuditChain.Problem.MISSING);
    }

    @Test
    void aTamperedEventStopsThePurgeAndStaysAsTheEvidence() throws SQLException {
        List<Long> ids = write(4);
        execute("update audit_event set detail = 'effacé' where id = " + ids.get(1));

        int removed = AuditChain.purgeBefore(connection, NOON.plusSeconds(10), 100);
        connection.commit();

        assertThat(removed).isEqualTo(1);
        assertThat(AuditChain.verify(connection).brokenId()).isEqualTo(ids.get(1));
    }

    @Test
    void eventsFromBeforeTheChainArePurgedToo() throws SQLException {
        execute("insert into audit_event (occurred_at, type, actor) values (timestamp with time zone '2020-01-01 00:00:00+00', 'LOGOUT', 'ancien')");

        assertThat(AuditChain.purgeBefore(connection, NOON, 10)).isEqualTo(1);
        connection.commit();
        assertThat(AuditChain.verify(connection).unchained()).isZero();
    }

    @Test
    void anEventSlippedInByHandIsNotPurgedAway() throws SQLException {
        write(2);
        execute("insert into audit_event (occurred_at, type, actor) values (timestamp with time zone '2020-01-01 00:00:00+00', 'LOGOUT', 'intrus')");

        AuditChain.purgeBefore(connection, NOON, 10);
        connection.commit();

        assertThat(texts("select actor from audit_event where chain_seq is null")).containsExactly("intrus");
    }

    @Test
    void aValueCannotPassForTwoFields() {
        String split = AuditChain.canonical(1, AuditChain.GENESIS, NOON, "LOGOUT", "a\nby=", null, null, null);
        String joined = AuditChain.canonical(1, AuditChain.GENESIS, NOON, "LOGOUT", "a", "", null, null);

        assertThat(AuditChain.hash(1, AuditChain.GENESIS, NOON, "LOGOUT", "a\nby=", null, null, null))
                .isNotEqualTo(AuditChain.hash(1, AuditChain.GENESIS, NOON, "LOGOUT", "a", "", null, null));
        assertThat(split).isNotEqualTo(joined);
    }

    @Test
    void theCommandSaysIntactOrBroken() throws SQLException {
        List<Long> ids = write(2);
        assertThat(AuditChain.verify(connection).describe()).startsWith("audit trail intact: 2 events");

        execute("update audit_event set actor = 'autre' where id = " + ids.get(1));

        assertThat(AuditChain.verify(connection).describe())
                .startsWith("audit trail BROKEN at place 2 (event id " + ids.get(1) + ")");
    }

    /** Writes and links {@code count} events in one transaction, as the audit trail does. */
    private List<Long> write(int count) throws SQLException {
        List<AuditEvent> events = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AuditEvent event = new AuditEvent(NOON.plusSeconds(i), AuditEventType.LOCK_LIFTED, "agent" + i,
                    "hotline1", "10.0.0." + i, "by hotline1 ; « é » " + i);
            try (PreparedStatement insert = connection.prepareStatement("insert into audit_event (occurred_at, type, actor,"
                    + " performed_by, client_address, detail) values (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setObject(1, event.occurredAt().atOffset(ZoneOffset.UTC));
                insert.setString(2, event.type().name());
                insert.setString(3, event.actor());
                insert.setString(4, event.performedBy());
                insert.setString(5, event.clientAddress());
                insert.setString(6, event.detail());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    long id = keys.getLong(1);
                    ids.add(id);
                    events.add(withId(event, id));
                }
            }
        }
        AuditChain.link(connection, events);
        connection.commit();
        return ids;
    }

    private static AuditEvent withId(AuditEvent event, long id) {
        try {
            java.lang.reflect.Field field = AuditEvent.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(event, id); // what JPA does once the row is written
            return event;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        connection.commit();
    }

    private List<String> texts(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
