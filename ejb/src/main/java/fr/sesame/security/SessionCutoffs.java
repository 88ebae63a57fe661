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
     * Every session of the agent opened until now ends (a lock, an imposed password), in the caller's
     * transaction.
     */
    public void endSessionsOf(String identifiant) {
        endSessionsOf(identifiant, null);
    }

    /**
     * Every session of the agent opened until now ends, except the login {@code keptLogin} that made
     * the change (null: none), in the caller's transaction (a password change that rolls back ends
     * nothing). The kept login is valid from the moment this commits: its own requests already under
     * way, which read the session before it noted the new instant, are not ended by its change.
     *
     * @return the instant sessions are valid from; the session that made the change counts itself
     *         from it, so that a later change elsewhere ends it
     */
    public Instant endSessionsOf(String identifiant, String keptLogin) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SessionCutoff cutoff = em.find(SessionCutoff.class, identifiant, LockModeType.PESSIMISTIC_WRITE);
        if (cutoff == null) {
            cutoff = new SessionCutoff(identifiant, now, keptLogin);
            em.persist(cutoff);
            em.flush();
        } else {
            cutoff.endSessionsBefore(now, keptLogin);
        }
        // Another server's clock may run ahead: the cutoff never moves back.
        return cutoff.validAfter();
    }

    /** Whether a session of the agent, of the login {@code login}, admitted at {@code admittedAt} still counts. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isValid(String identifiant, Instant admittedAt, String login) {
        SessionCutoff cutoff = em.find(SessionCutoff.class, identifiant);
        return cutoff == null || cutoff.keeps(admittedAt, login);
    }
}
