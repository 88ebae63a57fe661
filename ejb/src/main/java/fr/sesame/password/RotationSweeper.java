package fr.sesame.password;

import fr.sesame.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
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

    /** Told of each sweep's report, with its duration (the ops metrics). */
    @Inject
    Event<SweepReport> swept;

    /** An administrator runs the sweep now rather than tonight. */
    @RolesAllowed(Roles.ADMIN)
    public SweepReport runNow(Instant now) {
        return run(now);
    }

    /** Sends every reminder due at {@code now}: the nightly timer's entry, which runs as nobody. */
    @PermitAll
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

            List<DueReminder> due = new ArrayList<>();
            for (Map.Entry<String, Instant> change : history.lastChangedBetween(from, to).entrySet()) {
                if (seen.contains(change.getKey())) {
                    continue;
                }
                counts.examined++;
                directory.findByLogin(change.getKey())
                        .flatMap(agent -> dueReminder(agent, Optional.of(change.getValue()), now, stages))
                        .ifPresent(due::add);
                if (due.size() == BATCH) {
                    send(due, now, counts);
                    due.clear();
                }
            }
            send(due, now, counts);
        }
        SweepReport report = new SweepReport(counts.examined, counts.due, counts.sent, counts.skipped,
                Duration.ofNanos(System.nanoTime() - started));
        audit.record(AuditEventType.ROTATION_SWEEP_RUN, null, null,
                "examined " + report.examined() + ", due " + report.due() + ", sent " + report.sent());
        LOG.info(() -> "Password renewal sweep: " + report);
        swept.fire(report);
        return report;
    }

    private void remindBatch(List<Agent> batch, Instant now, List<Integer> stages, Counts counts) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Instant> recorded = history.lastChanges(batch.stream().map(Agent::identifiant).toList());
        List<DueReminder> due = new ArrayList<>();
        for (Agent agent : batch) {
            dueReminder(agent, Optional.ofNullable(recorded.get(agent.identifiant())), now, stages).ifPresent(due::add);
        }
        send(due, now, counts);
    }

    /** The reminder due now for this agent, if any: active accounts only. */
    private Optional<DueReminder> dueReminder(Agent agent, Optional<Instant> recorded, Instant now, List<Integer> stages) {
        if (!agent.isActive()) {
            return Optional.empty();
        }
        Optional<PasswordAge> age = PasswordAge.of(agent.passwordChangedAt(), recorded, settings.maxAge());
        OptionalInt stage = age.map(a -> a.dueStage(now, stages)).orElse(OptionalInt.empty());
        return stage.isPresent() ? Optional.of(new DueReminder(agent, age.get(), stage.getAsInt())) : Optional.empty();
    }

    /** One transaction for the batch; when it meets another sweep's reminder, one per reminder. */
    private void send(List<DueReminder> due, Instant now, Counts counts) {
        if (due.isEmpty()) {
            return;
        }
        counts.due += due.size();
        try {
            OptionalInt sent = reminders.remindAll(due, now);
            if (sent.isPresent()) {
                counts.sent += sent.getAsInt();
                counts.skipped += due.size() - sent.getAsInt();
                return;
            }
            LOG.fine("A batch of renewal reminders met another sweep; sending them one by one");
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "A batch of renewal reminders failed; sending them one by one: {0}", e.getMessage());
        }
        for (DueReminder reminder : due) {
            try {
                if (reminders.remind(reminder.agent(), reminder.age(), reminder.stage(), now)) {
                    counts.sent++;
                } else {
                    counts.skipped++;
                }
            } catch (EJBException e) {
                // One agent's failure (a database hiccup) must not stop the others: the next sweep retries it.
                counts.skipped++;
                LOG.log(Level.WARNING, "Renewal reminder for {0} not sent this time: {1}",
                        new Object[] {reminder.agent().identifiant(), e.getMessage()});
            }
        }
    }

    private static final class Counts {
        int examined;
        int due;
        int sent;
        int skipped;
    }
}
