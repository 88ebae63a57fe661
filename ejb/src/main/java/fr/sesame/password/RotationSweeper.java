package fr.sesame.password;

import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The renewal reminder sweep. Only passwords set between "expires now" and "first reminder stage"
 * can be due, so it asks the directory for those alone, page by page, then looks at the passwords
 * Sésame itself dated in the same window (a directory without a password policy dates none). Each
 * reminder commits on its own: a sweep stopped halfway leaves the rest to the next one, and two
 * sweeps at once send each reminder once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RotationSweeper {

    private static final Logger LOG = Logger.getLogger(RotationSweeper.class.getName());
    /** Directory entries handled together: one database query for their Sésame dates. */
    private static final int BATCH = 200;

    @Inject
    Directory directory;

    @Inject
    PasswordHistory history;

    @Inject
    RotationReminders reminders;

    @Inject
    PasswordSettings settings;

    @Inject
    AuditTrail audit;

    /** Sends every reminder due at {@code now}. */
    public SweepReport run(Instant now) {
        long started = System.nanoTime();
        List<Integer> stages = settings.reminderStages();
        Counts counts = new Counts();
        if (!stages.isEmpty()) {
            Instant from = now.minus(settings.maxAge());
            Instant to = from.plus(Duration.ofDays(stages.get(0)));
            Set<String> seen = new HashSet<>();
            List<Agent> batch = new ArrayList<>(BATCH);
            directory.forEachPasswordChangedBetween(from, to, agent -> {
                counts.examined++;
                seen.add(agent.identifiant());
                batch.add(agent);
                if (batch.size() == BATCH) {
                    remindBatch(batch, now, stages, counts);
                    batch.clear();
                }
            });
            remindBatch(batch, now, stages, counts);

            for (Map.Entry<String, Instant> change : history.lastChangedBetween(from, to).entrySet()) {
                if (seen.contains(change.getKey())) {
                    continue;
                }
                counts.examined++;
                directory.findByLogin(change.getKey()).ifPresent(agent ->
                        remindIfDue(agent, Optional.of(change.getValue()), now, stages, counts));
            }
        }
        SweepReport report = new SweepReport(counts.examined, counts.due, counts.sent, counts.skipped,
                Duration.ofNanos(System.nanoTime() - started));
        audit.record(AuditEventType.ROTATION_SWEEP_RUN, null, null,
                "examined " + report.examined() + ", due " + report.due() + ", sent " + report.sent());
        LOG.info(() -> "Password renewal sweep: " + report);
        return report;
    }

    private void remindBatch(List<Agent> batch, Instant now, List<Integer> stages, Counts counts) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Instant> recorded = history.lastChanges(batch.stream().map(Agent::identifiant).toList());
        for (Agent agent : batch) {
            remindIfDue(agent, Optional.ofNullable(recorded.get(agent.identifiant())), now, stages, counts);
        }
    }

    private void remindIfDue(Agent agent, Optional<Instant> recorded, Instant now, List<Integer> stages, Counts counts) {
        if (!agent.isActive()) {
            return;
        }
        Optional<PasswordAge> age = PasswordAge.of(agent.passwordChangedAt(), recorded, settings.maxAge());
        OptionalInt stage = age.map(a -> a.dueStage(now, stages)).orElse(OptionalInt.empty());
        if (stage.isEmpty()) {
            return;
        }
        counts.due++;
        try {
            if (reminders.remind(agent, age.get(), stage.getAsInt(), now)) {
                counts.sent++;
            } else {
                counts.skipped++;
            }
        } catch (EJBException e) {
            // One agent's failure (a database hiccup) must not stop the others: the next sweep retries it.
            counts.skipped++;
            LOG.log(Level.WARNING, "Renewal reminder for {0} not sent this time: {1}",
                    new Object[] {agent.identifiant(), e.getMessage()});
        }
    }

    private static final class Counts {
        int examined;
        int due;
        int sent;
        int skipped;
    }
}
