package fr.sesame.security;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/** Writes the audit trail: every security-relevant event, in the database and in the server log. */
@Stateless
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger("fr.sesame.audit");

    /**
     * The detail of an event about an identifiant the directory does not know: what was typed is not
     * kept (it may be a password typed in the wrong field).
     */
    public static final String UNKNOWN_ACCOUNT = "unknown account";

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Records an event within the caller's transaction, so that it is kept exactly when the action is.
     *
     * @param actor the identifiant concerned (as typed, for a failed login)
     * @param clientAddress the client's IP address, or null
     * @param detail a short note without any secret, or null
     */
    public AuditEvent record(AuditEventType type, String actor, String clientAddress, String detail) {
        AuditEvent event = new AuditEvent(clock.instant(), type, actor, clientAddress, detail);
        em.persist(event);
        // The source given: no stack walk to find the caller for each of an import's 35,000 events.
        LOG.logp(java.util.logging.Level.INFO, AuditTrail.class.getName(), "record", () -> event.type()
                + " actor=" + event.actor() + " client=" + event.clientAddress()
                + (event.detail() == null ? "" : " detail=" + event.detail()));
        return event;
    }

    /**
     * Records an event in a transaction of its own: kept even though the caller then refuses and
     * rolls back (a failed attempt is exactly what the trail must keep).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditEvent recordRefusal(AuditEventType type, String actor, String clientAddress, String detail) {
        return record(type, actor, clientAddress, detail);
    }

    /** The latest events about one identifiant, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditEvent> latestAbout(String actor, int max) {
        return em.createQuery("select e from AuditEvent e where e.actor = :actor order by e.occurredAt desc, e.id desc",
                        AuditEvent.class)
                .setParameter("actor", actor)
                .setMaxResults(max)
                .getResultList();
    }
}
