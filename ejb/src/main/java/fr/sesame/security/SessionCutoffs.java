package fr.sesame.security;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Ends an agent's portal sessions at once, on every server: a lock, an imposed password, a change or
 * a reset records an instant, and each request of a session opened before it is turned back to the
 * login page. The instant is kept in the database, which every server of the farm reads.
 */
@Stateless
public class SessionCutoffs {

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Every session of the agent opened until now ends, in the caller's transaction (a password
     * change that rolls back ends nothing).
     *
     * @return the instant sessions are valid from; the session that made the change keeps going by
     *         counting itself from it
     */
    public Instant endSessionsOf(String identifiant) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SessionCutoff cutoff = em.find(SessionCutoff.class, identifiant, LockModeType.PESSIMISTIC_WRITE);
        if (cutoff == null) {
            em.persist(new SessionCutoff(identifiant, now));
            em.flush();
        } else {
            cutoff.endSessionsBefore(now);
        }
        return now;
    }

    /** Whether a session of the agent admitted at {@code admittedAt} still counts. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isValid(String identifiant, Instant admittedAt) {
        return validAfter(identifiant).map(after -> !admittedAt.isBefore(after)).orElse(true);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> validAfter(String identifiant) {
        return Optional.ofNullable(em.find(SessionCutoff.class, identifiant)).map(SessionCutoff::validAfter);
    }
}
