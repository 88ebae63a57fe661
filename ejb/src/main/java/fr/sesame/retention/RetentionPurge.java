package fr.sesame.retention;

import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import fr.sesame.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The nightly purge: each kind of data removed once its retention is over, a batch at a time, each batch
 * committed on its own. A purge stopped halfway leaves the rest to the next night; two at once remove
 * each row once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());

    @Inject
    RetentionBatches batches;

    @Inject
    RetentionSettings settings;

    @Inject
    AuditTrail audit;

    /** The timer's entry, which runs as nobody. */
    @PermitAll
    public PurgeReport run(Instant now) {
        long started = System.nanoTime();
        Map<Kept, Integer> removed = new EnumMap<>(Kept.class);
        for (Kept kind : Kept.values()) {
            Instant cutoff = now.minus(settings.keep(kind));
            int total = 0;
            int last;
            do {
                last = batches.purge(kind, cutoff, now, settings.batch());
                total += last;
            } while (last > 0);
            removed.put(kind, total);
        }
        PurgeReport report = new PurgeReport(removed, Duration.ofNanos(System.nanoTime() - started));
        String counts = report.removed().entrySet().stream()
                .map(entry -> entry.getKey().name().toLowerCase(java.util.Locale.ROOT) + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
        audit.recordRefusal(AuditEventType.RETENTION_PURGE_RUN, null, null, counts + " in " + report.took().toMillis() + " ms");
        LOG.info(() -> "retention purge: " + counts);
        return report;
    }

    /** An administrator runs it now rather than tonight. */
    @RolesAllowed(Roles.ADMIN)
    public PurgeReport runNow(Instant now) {
        return run(now);
    }
}
