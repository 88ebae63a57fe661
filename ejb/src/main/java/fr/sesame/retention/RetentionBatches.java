package fr.sesame.retention;

import fr.sesame.security.AuditChain;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One batch of the purge, in a transaction of its own: a purge stopped halfway keeps what it removed,
 * and no transaction holds thousands of rows' locks. Plain SQL: the rows go by their dates, without
 * being read into entities first.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RetentionBatches {

    @Resource(lookup = "jdbc/sesame")
    DataSource database;

    /**
     * Removes up to {@code batch} rows of this kind dated before {@code cutoff}.
     *
     * @param now what "expired" means for links and locks
     * @return how many were removed (for the HR files: emptied); 0 once none is left
     */
    public int purge(Kept kind, Instant cutoff, Instant now, int batch) {
        try (Connection connection = database.getConnection()) {
            return switch (kind) {
                case IMPORT_FILES -> update(connection, "update import_run set content = ? where id in (select id from import_run"
                        + " where status in ('COMPLETED', 'FAILED') and finished_at < ? and octet_length(content) > 0"
                        + " fetch first " + batch + " rows only)", new byte[0], at(cutoff));
                case IMPORT_REPORTS -> {
                    List<Long> runs = ids(connection, "select id from import_run where status in ('COMPLETED', 'FAILED')"
                            + " and finished_at < ? order by id fetch first " + batch + " rows only", at(cutoff));
                    deleteIn(connection, "delete from import_rejection where import_run_id in ", runs);
                    yield deleteIn(connection, "delete from import_run where id in ", runs);
                }
                case CLOSED_TICKETS -> {
                    List<Long> tickets = ids(connection, "select id from ticket where status = 'CLOSED' and closed_at < ?"
                            + " order by id fetch first " + batch + " rows only", at(cutoff));
                    deleteIn(connection, "delete from ticket_attachment where ticket_id in ", tickets);
                    deleteIn(connection, "delete from ticket_event where ticket_id in ", tickets);
                    yield deleteIn(connection, "delete from ticket where id in ", tickets);
                }
                case AUDIT_EVENTS -> AuditChain.purgeBefore(connection, cutoff, batch);
                case OUTBOX -> update(connection, "delete from outbound_message where id in (select id from outbound_message"
                        + " where status in ('SENT', 'FAILED', 'EXPIRED') and created_at < ? fetch first " + batch + " rows only)",
                        at(cutoff));
                case INVITATIONS -> update(connection, "delete from invitation where id in (select id from invitation"
                        + " where (closed_at is not null or expires_at < ?) and created_at < ? fetch first " + batch + " rows only)",
                        at(now), at(cutoff));
                case TOKENS -> update(connection, "delete from activation_code where id in (select id from activation_code"
                        + " where expires_at < ? fetch first " + batch + " rows only)", at(cutoff))
                        + update(connection, "delete from password_reset where id in (select id from password_reset"
                        + " where expires_at < ? fetch first " + batch + " rows only)", at(cutoff))
                        + update(connection, "delete from recovery_address_change where id in (select id from"
                        + " recovery_address_change where expires_at < ? fetch first " + batch + " rows only)", at(cutoff));
                case ATTEMPTS -> update(connection, "delete from attempt_counter where subject_hash in (select subject_hash from"
                        + " attempt_counter where window_start < ? and (locked_until is null or locked_until < ?)"
                        + " fetch first " + batch + " rows only)", at(cutoff), at(now));
            };
        } catch (SQLException e) {
            throw new EJBException("retention purge of " + kind + " failed; nothing of this batch was removed", e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    private static List<Long> ids(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private static int deleteIn(Connection connection, String sql, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return update(connection, sql + "(" + marks + ")", ids.toArray());
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
