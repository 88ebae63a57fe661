package fr.sesame.security;

import java.time.Instant;
import java.util.Optional;

/**
 * What the RSSI looks for in the audit trail; every part optional.
 *
 * @param agent the identifiant concerned (the event's actor), compared whole, case ignored
 * @param performedBy the staff member who acted, compared whole, case ignored
 * @param from the first moment kept, included
 * @param until the moment the search stops, excluded
 * @param beforeId only events older than this one (the export's pages)
 */
public record AuditQuery(Optional<String> agent, Optional<String> performedBy, Optional<AuditEventType> type,
        Optional<Instant> from, Optional<Instant> until, Optional<Long> beforeId) {

    public AuditQuery {
        agent = blankless(agent);
        performedBy = blankless(performedBy);
        type = Optional.ofNullable(type).flatMap(t -> t);
        from = Optional.ofNullable(from).flatMap(t -> t);
        until = Optional.ofNullable(until).flatMap(t -> t);
        beforeId = Optional.ofNullable(beforeId).flatMap(t -> t);
    }

    /** Everything. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    AuditQuery before(long id) {
        return new AuditQuery(agent, performedBy, type, from, until, Optional.of(id));
    }

    private static Optional<String> blankless(Optional<String> value) {
        return Optional.ofNullable(value).flatMap(v -> v).map(String::strip).filter(v -> !v.isEmpty());
    }
}
