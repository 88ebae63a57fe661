package fr.sesame.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit trail as one chain: each event carries the SHA-256 of its canonical form, and that form
 * holds the previous event's hash, so that an event edited, removed or slipped in afterwards breaks
 * every link after it. Plain JDBC, so that ops can verify a database without Sésame running
 * ({@link AuditChainCheck}).
 */
public final class AuditChain {

    /** The "previous hash" of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final int PAGE = 1_000;

    private static final String COLUMNS =
            "id, chain_seq, previous_hash, hash, occurred_at, type, actor, performed_by, client_address, detail";

    private AuditChain() {
    }

    /**
     * Gives these events, just written in the transaction of {@code connection}, the next places in the
     * chain. It takes the chain head's lock, held until the transaction ends: call it as late as
     * possible, when nothing else remains to be locked.
     */
    public static void link(Connection connection, List<AuditEvent> events) throws SQLException {
        long seq;
        String previous;
        try (PreparedStatement head = connection.prepareStatement(
                "select last_seq, last_hash from audit_chain_head where id = 1 for update");
                ResultSet row = head.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("audit_chain_head has no row: the schema is not migrated");
            }
            seq = row.getLong(1);
            previous = row.getString(2);
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update audit_event set chain_seq = ?, previous_hash = ?, hash = ? where id = ?")) {
            for (AuditEvent event : events.stream().sorted(Comparator.comparing(AuditEvent::id)).toList()) {
                seq++;
                String hash = hash(seq, previous, event.occurredAt(), event.type().name(), event.actor(),
                        event.performedBy(), event.clientAddress(), event.detail());
                update.setLong(1, seq);
                update.setString(2, previous);
                update.setString(3, hash);
                update.setLong(4, event.id());
                update.addBatch();
                previous = hash;
            }
            for (int count : update.executeBatch()) {
                if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("an audit event to link was not found: the chain is left as it was");
                }
            }
        }
        try (PreparedStatement head = connection.prepareStatement(
                "update audit_chain_head set last_seq = ?, last_hash = ? where id = 1")) {
            head.setLong(1, seq);
            head.setString(2, previous);
            head.executeUpdate();
        }
    }

    /**
     * Walks the whole chain, a page at a time, and names the first broken link. The walk goes from the
     * chain's beginning to its head as both are when it starts: events committed meanwhile wait for the
     * next verification, and a purge that removed the beginning meanwhile makes it walk again.
     */
    public static Verification verify(Connection connection) throws SQLException {
        Verification verdict = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Head head = head(connection);
            verdict = walk(connection, head);
            if (verdict.intact() || head(connection).purgedSeq() == head.purgedSeq()) {
                return verdict;
            }
        }
        return verdict;
    }

    /** Where the chain begins (after what the retention purged) and where it ends, as committed now. */
    private record Head(long purgedSeq, String purgedHash, long lastSeq, String lastHash) {
    }

    private static Head head(Connection connection) throws SQLException {
        try (PreparedStatement head = connection.prepareStatement(
                "select purged_seq, purged_hash, last_seq, last_hash from audit_chain_head where id = 1");
                ResultSet row = head.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("audit_chain_head has no row: the schema is not migrated");
            }
            return new Head(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4));
        }
    }

    private static Verification walk(Connection connection, Head head) throws SQLException {
        long unchained = single(connection, "select count(*) from audit_event where chain_seq is null");
        Long firstChainedId = null;
        long expectedSeq = head.purgedSeq() + 1;
        String previous = head.purgedHash();
        long checked = 0;
        long lastSeq = head.purgedSeq();
        boolean more = true;
        while (more) {
            more = false;
            try (PreparedStatement page = connection.prepareStatement("select " + COLUMNS
                    + " from audit_event where chain_seq >= ? and chain_seq <= ? order by chain_seq fetch first "
                    + PAGE + " rows only")) {
                page.setLong(1, expectedSeq);
                page.setLong(2, head.lastSeq());
                try (ResultSet row = page.executeQuery()) {
                    while (row.next()) {
                        more = true;
                        long id = row.getLong("id");
                        long seq = row.getLong("chain_seq");
                        if (firstChainedId == null) {
                            firstChainedId = id;
                        }
                        if (seq != expectedSeq || !previous.equals(row.getString("previous_hash"))) {
                            return Verification.broken(Problem.MISSING, checked, unchained, expectedSeq, id);
                        }
                        String recomputed = hash(seq, previous,
                                row.getObject("occurred_at", OffsetDateTime.class).toInstant(), row.getString("type"),
                                row.getString("actor"), row.getString("performed_by"),
                                row.getString("client_address"), row.getString("detail"));
                        if (!recomputed.equals(row.getString("hash"))) {
                            return Verification.broken(Problem.ALTERED, checked, unchained, seq, id);
                        }
                        previous = recomputed;
                        lastSeq = seq;
                        expectedSeq = seq + 1;
                        checked++;
                    }
                }
            }
        }
        if (firstChainedId != null) {
            // An event without a place, written after the chain began, was slipped in by hand.
            try (PreparedStatement stray = connection.prepareStatement(
                    "select min(id) from audit_event where chain_seq is null and id > ?")) {
                stray.setLong(1, firstChainedId);
                try (ResultSet row = stray.executeQuery()) {
                    if (row.next() && row.getObject(1) != null) {
                        return Verification.broken(Problem.UNCHAINED, checked, unchained, null, row.getLong(1));
                    }
                }
            }
        }
        if (lastSeq != head.lastSeq() || !previous.equals(head.lastHash())) {
            return Verification.broken(Problem.TRUNCATED, checked, unchained, lastSeq + 1, null);
        }
        return new Verification(true, checked, unchained, null, null, null);
    }

    /**
     * Removes, in chain order, up to {@code batch} of the oldest events written before {@code before}
     * (the retention), and moves the chain's beginning after them: the verification then starts from the
     * last one removed. An event is removed only once its own link is checked: a tampered event stops
     * the purge and stays, as the evidence. Events from before the chain existed go too. Takes the chain
     * head's lock until the transaction ends.
     *
     * @return how many events were removed; fewer than {@code batch} when no more are due
     */
    public static int purgeBefore(Connection connection, Instant before, int batch) throws SQLException {
        long purgedSeq;
        String purgedHash;
        try (PreparedStatement head = connection.prepareStatement(
                "select purged_seq, purged_hash from audit_chain_head where id = 1 for update");
                ResultSet row = head.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("audit_chain_head has no row: the schema is not migrated");
            }
            purgedSeq = row.getLong(1);
            purgedHash = row.getString(2);
        }
        List<Long> ids = new java.util.ArrayList<>();
        try (PreparedStatement page = connection.prepareStatement("select " + COLUMNS
                + " from audit_event where chain_seq > ? order by chain_seq fetch first " + batch + " rows only")) {
            page.setLong(1, purgedSeq);
            try (ResultSet row = page.executeQuery()) {
                while (row.next()) {
                    Instant at = row.getObject("occurred_at", OffsetDateTime.class).toInstant();
                    long seq = row.getLong("chain_seq");
                    if (!at.isBefore(before) || seq != purgedSeq + 1 || !purgedHash.equals(row.getString("previous_hash"))
                            || !hash(seq, purgedHash, at, row.getString("type"), row.getString("actor"),
                                    row.getString("performed_by"), row.getString("client_address"),
                                    row.getString("detail")).equals(row.getString("hash"))) {
                        break;
                    }
                    ids.add(row.getLong("id"));
                    purgedSeq = seq;
                    purgedHash = row.getString("hash");
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from audit_event where id = ?")) {
            for (long id : ids) {
                delete.setLong(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        try (PreparedStatement head = connection.prepareStatement(
                "update audit_chain_head set purged_seq = ?, purged_hash = ? where id = 1")) {
            head.setLong(1, purgedSeq);
            head.setString(2, purgedHash);
            head.executeUpdate();
        }
        int removed = ids.size();
        if (removed < batch) {
            // Only those from before the chain began: one slipped in later stays, as the evidence.
            try (PreparedStatement old = connection.prepareStatement("delete from audit_event where id in (select id from"
                    + " audit_event where chain_seq is null and occurred_at < ? and id < coalesce((select min(id) from"
                    + " audit_event where chain_seq is not null), " + Long.MAX_VALUE + ") fetch first " + (batch - removed)
                    + " rows only)")) {
                old.setObject(1, before.atOffset(java.time.ZoneOffset.UTC));
                removed += old.executeUpdate();
            }
        }
        return removed;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The SHA-256, in hexadecimal, of one event's canonical form. */
    static String hash(long seq, String previousHash, Instant occurredAt, String type, String actor,
            String performedBy, String clientAddress, String detail) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical(seq, previousHash, occurredAt, type, actor,
                    performedBy, clientAddress, detail).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * One line per field, each value preceded by its length (or {@code -} for none): no value can be
     * made to look like two, whatever characters it holds.
     */
    static String canonical(long seq, String previousHash, Instant occurredAt, String type, String actor,
            String performedBy, String clientAddress, String detail) {
        StringBuilder form = new StringBuilder("sesame-audit-1\n");
        field(form, "seq", Long.toString(seq));
        field(form, "previous", previousHash);
        field(form, "at", Long.toString(occurredAt.toEpochMilli()));
        field(form, "type", type);
        field(form, "actor", actor);
        field(form, "by", performedBy);
        field(form, "client", clientAddress);
        field(form, "detail", detail);
        return form.toString();
    }

    private static void field(StringBuilder form, String name, String value) {
        form.append(name).append('=');
        if (value == null) {
            form.append('-');
        } else {
            form.append(value.length()).append(':').append(value);
        }
        form.append('\n');
    }

    /** What is wrong with the first broken link. */
    public enum Problem {
        /** The event's fields are not those that were hashed: it was edited. */
        ALTERED,
        /** The event does not follow the one before it: events were removed (or the order changed). */
        MISSING,
        /** An event without a place in the chain was added after it began. */
        UNCHAINED,
        /** The latest events were removed: the chain ends before its head says. */
        TRUNCATED
    }

    /**
     * @param checked how many events were found in order before the first broken link
     * @param unchained the events that have no place in the chain (written before it began)
     * @param brokenSeq the place in the chain where it breaks, if known
     * @param brokenId the id of the event found there, if any
     */
    public record Verification(boolean intact, long checked, long unchained, Long brokenSeq, Long brokenId,
            Problem problem) {

        static Verification broken(Problem problem, long checked, long unchained, Long seq, Long id) {
            return new Verification(false, checked, unchained, seq, id, problem);
        }

        /** The verdict in one line, for ops (the RSSI's page says it in French). */
        public String describe() {
            if (intact) {
                return "audit trail intact: " + checked + " events in order"
                        + (unchained == 0 ? "" : ", " + unchained + " written before the chain began");
            }
            return "audit trail BROKEN at place " + (brokenSeq == null ? "?" : brokenSeq)
                    + (brokenId == null ? "" : " (event id " + brokenId + ")") + ": " + switch (problem) {
                        case ALTERED -> "the event was changed after it was written";
                        case MISSING -> "events are missing before it, or it was moved";
                        case UNCHAINED -> "an event was added by hand, outside the chain";
                        case TRUNCATED -> "the latest events were removed";
                    } + "; " + checked + " events in order before it";
        }
    }
}
