package fr.sesame.password;

import fr.sesame.directory.Agent;
import fr.sesame.mail.MailTemplates;
import fr.sesame.mail.MailText;
import fr.sesame.mail.Outbox;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Renewal reminders, each recorded by a row committed with the e-mails that carry it, or neither. The
 * row's unique key (agent, password cycle, stage) stops a second sweep, here or on another server,
 * from sending it again. The sweep sends them by batches, one transaction each; a batch that meets a
 * reminder another sweep recorded meanwhile rolls back whole and is sent again one by one.
 */
@Stateless
public class RotationReminders {

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    Outbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    PasswordSettings settings;

    @Inject
    AuditTrail audit;

    /** Told of each reminder; a batch rolled back tells observers after the commit nothing. */
    @Inject
    Event<ReminderSent> reminded;

    /** This server's name in the farm, kept with each reminder it sends. */
    @Inject
    @ConfigProperty(name = "sesame.server-name")
    String serverName;

    /**
     * Sends the reminder of this stage unless it went out already.
     *
     * @return whether this call sent it
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean remind(Agent agent, PasswordAge age, int stage, Instant now) {
        // Seconds: the directory and the database keep the date with different precisions.
        Instant cycle = cycleOf(age);
        if (alreadySent(agent.identifiant(), cycle, stage)) {
            return false;
        }
        try {
            em.persist(new RotationReminder(agent.identifiant(), cycle, stage, now, serverName));
            em.flush();
        } catch (PersistenceException e) {
            // Another sweep recorded it between our check and our insert: theirs counts, and the
            // container rolls this transaction back, e-mails included.
            context.setRollbackOnly();
            return false;
        }
        send(agent, age, stage, now);
        return true;
    }

    /**
     * Sends the reminders of a batch that did not go out yet, in one transaction.
     *
     * @return how many this call sent; empty when another sweep recorded one of them meanwhile: nothing
     *         of the batch is kept (this transaction is rolled back), and the caller sends them one by one
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public OptionalInt remindAll(List<DueReminder> batch, Instant now) {
        Set<String> sent = sentAmong(batch);
        int count = 0;
        for (DueReminder due : batch) {
            if (!sent.contains(key(due.agent().identifiant(), cycleOf(due.age()), due.stage()))) {
                em.persist(new RotationReminder(due.agent().identifiant(), cycleOf(due.age()), due.stage(), now, serverName));
                send(due.agent(), due.age(), due.stage(), now);
                count++;
            }
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            context.setRollbackOnly();
            return OptionalInt.empty();
        }
        return OptionalInt.of(count);
    }

    /** The keys of the batch's reminders already recorded, in one query. */
    private Set<String> sentAmong(List<DueReminder> batch) {
        Set<String> keys = new HashSet<>();
        if (batch.isEmpty()) {
            return keys;
        }
        em.createQuery("select r.identifiant, r.cycleStartedAt, r.stageDays from RotationReminder r"
                        + " where r.identifiant in :identifiants", Object[].class)
                .setParameter("identifiants", batch.stream().map(due -> due.agent().identifiant()).distinct().toList())
                .getResultList()
                .forEach(row -> keys.add(key((String) row[0], (Instant) row[1], (Integer) row[2])));
        return keys;
    }

    private static String key(String identifiant, Instant cycle, int stage) {
        return identifiant + "|" + cycle.getEpochSecond() + "|" + stage;
    }

    private void send(Agent agent, PasswordAge age, int stage, Instant now) {
        MailText text = templates.email("password-expiry", agent.displayName(), age.daysLeft(now), agent.academicAddress(),
                templates.dateTime(age.expiresAt()), settings.url("/compte/mot-de-passe"));
        outbox.bulkEmail(agent.academicAddress(), text, agent.identifiant());
        agent.recoveryAddress().ifPresent(address -> outbox.bulkEmail(address, text, agent.identifiant()));
        audit.record(AuditEventType.ROTATION_REMINDER_SENT, agent.identifiant(), null, stage + " days");
        reminded.fire(new ReminderSent(stage));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean alreadySent(String identifiant, Instant cycle, int stage) {
        return !em.createQuery("select r.id from RotationReminder r where r.identifiant = :identifiant"
                        + " and r.cycleStartedAt = :cycle and r.stageDays = :stage", Long.class)
                .setParameter("identifiant", identifiant)
                .setParameter("cycle", cycle)
                .setParameter("stage", stage)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    static Instant cycleOf(PasswordAge age) {
        return age.changedAt().truncatedTo(ChronoUnit.SECONDS);
    }
}
