package fr.sesame.departure;

import fr.sesame.directory.AccountState;
import fr.sesame.directory.Agent;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The end dates of the HR file, recorded in the import's transaction. The latest file is the truth for
 * an account still open: a new date moves the departure, no date cancels it. A closed account is not
 * reopened by a file.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Departures {

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * @param endDate the last day of service the file gives, none when its cell is empty
     * @return whether the agent's departure changed (recorded, moved or cancelled)
     */
    public boolean record(Agent agent, Optional<LocalDate> endDate, Long importRunId) {
        if (agent.state() == AccountState.DEPARTED) {
            return false;
        }
        Departure known = em.find(Departure.class, agent.identifiant());
        String run = importRunId == null ? "" : ", import " + importRunId;
        if (known != null && known.isDone()) {
            return false;
        }
        Instant now = clock.instant();
        if (endDate.isEmpty()) {
            if (known == null) {
                return false;
            }
            em.remove(known);
            audit.record(AuditEventType.DEPARTURE_CANCELLED, agent.identifiant(), null, "was " + known.endDate() + run);
            return true;
        }
        if (known == null) {
            em.persist(new Departure(agent.identifiant(), endDate.get(), now, importRunId));
        } else if (!known.moveTo(endDate.get(), now, importRunId)) {
            return false;
        }
        audit.record(AuditEventType.DEPARTURE_RECORDED, agent.identifiant(), null, "last day " + endDate.get() + run);
        return true;
    }

    /** The agent's departure, planned or done. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Departure> of(String identifiant) {
        return Optional.ofNullable(em.find(Departure.class, identifiant));
    }
}
