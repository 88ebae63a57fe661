package fr.sesame.password;

import fr.sesame.directory.Agent;
import fr.sesame.mail.MailTemplates;
import fr.sesame.mail.MailText;
import fr.sesame.mail.Outbox;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One renewal reminder, in its own transaction: the row that records it and the e-mails that carry it
 * are committed together or not at all. The row's unique key (agent, password cycle, stage) stops a
 * second sweep, here or on another server, from sending it again.
 */
@Stateless
public class RotationReminders {

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    PasswordSettings settings;

    @Inject
    AuditTrail audit;

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
            em.persist(new RotationReminder(agent.identifiant(), cycle, stage, now));
            em.flush();
        } catch (PersistenceException e) {
            // Another sweep recorded it between our check and our insert: theirs counts, and the
            // container rolls this transaction back (the failed insert marked it), e-mails included.
            return false;
        }
        long daysLeft = age.daysLeft(now);
        MailText text = templates.email("password-expiry", agent.displayName(), daysLeft, agent.academicAddress(),
                templates.dateTime(age.expiresAt()), settings.url("/compte/mot-de-passe"));
        outbox.email(agent.academicAddress(), text, agent.identifiant());
        agent.recoveryAddress().ifPresent(address -> outbox.email(address, text, agent.identifiant()));
        audit.record(AuditEventType.ROTATION_REMINDER_SENT, agent.identifiant(), null, stage + " days");
        return true;
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
