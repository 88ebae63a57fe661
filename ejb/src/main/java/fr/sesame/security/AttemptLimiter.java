package fr.sesame.security;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down guessing: after {@code sesame.abuse.max-failures} failures within
 * {@code sesame.abuse.window-minutes} for one identifiant, or {@code sesame.abuse.client-max-failures}
 * from one client address (higher: a whole school may share one address), further attempts are
 * refused for {@code sesame.abuse.lock-minutes} after the last failure. Counts live in the database
 * (hashed subjects), so the limit holds across a farm and a restart.
 */
@Stateless
public class AttemptLimiter {

    /** What is being guessed: counts of one kind never lock another. */
    public enum Guarded {
        /** The NUMEN typed with an identifiant (activation, forgotten identifiant or password). */
        NUMEN,
        /** A one-time code. */
        CODE,
        /** A password, at login or to confirm a change. */
        LOGIN,
        /** A forgotten-password request. */
        RESET
    }

    private static final int MAX_SUBJECT_LENGTH = 254;

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "sesame.abuse.max-failures")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "sesame.abuse.client-max-failures")
    int clientMaxFailures;

    @Inject
    @ConfigProperty(name = "sesame.abuse.window-minutes")
    long windowMinutes;

    @Inject
    @ConfigProperty(name = "sesame.abuse.lock-minutes")
    long lockMinutes;

    /** Failures of one identifiant that lock it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int maxFailures() {
        return maxFailures;
    }

    /** How long a lock lasts. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long lockMinutes() {
        return lockMinutes;
    }

    /**
     * Refuses when the identifiant or the client address has failed too often lately.
     *
     * @param identifiant what the person typed to say who they are (may be null)
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void ensureAllowed(Guarded guarded, String identifiant, String clientAddress) throws TooManyAttemptsException {
        Instant now = clock.instant();
        Optional<Instant> byIdentifiant = lockedUntil(identifiantSubject(guarded, identifiant), maxFailures, now);
        Optional<Instant> byClient = lockedUntil(clientSubject(guarded, clientAddress), clientMaxFailures, now);
        Optional<Instant> until = byIdentifiant.isEmpty() ? byClient
                : byClient.isEmpty() ? byIdentifiant
                : Optional.of(byIdentifiant.get().isAfter(byClient.get()) ? byIdentifiant.get() : byClient.get());
        if (until.isPresent()) {
            throw new TooManyAttemptsException(Duration.between(now, until.get()));
        }
    }

    /** Until when this identifiant is refused, for the hotline; empty when it is not. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> lockedUntil(Guarded guarded, String identifiant) {
        return lockedUntil(identifiantSubject(guarded, identifiant), maxFailures, clock.instant());
    }

    /** Forgets the identifiant's failures: the hotline lifted the lock, or the agent proved who they are. */
    public void forget(Guarded guarded, String identifiant) {
        em.createQuery("delete from FailedAttempt a where a.subjectHash = :subject")
                .setParameter("subject", identifiantSubject(guarded, identifiant))
                .executeUpdate();
    }

    private Optional<Instant> lockedUntil(String subject, int max, Instant now) {
        List<Instant> recent = em.createQuery("select a.occurredAt from FailedAttempt a where a.subjectHash = :subject"
                        + " and a.occurredAt > :since order by a.occurredAt desc", Instant.class)
                .setParameter("subject", subject)
                .setParameter("since", now.minus(Duration.ofMinutes(windowMinutes)))
                .setMaxResults(max)
                .getResultList();
        if (recent.size() < max) {
            return Optional.empty();
        }
        Instant until = recent.get(0).plus(Duration.ofMinutes(lockMinutes));
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /**
     * Counts a failure, in its own transaction: the refusal that follows rolls the caller's back, not
     * this.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(Guarded guarded, String identifiant, String clientAddress) {
        Instant now = clock.instant();
        em.persist(new FailedAttempt(identifiantSubject(guarded, identifiant), now));
        em.persist(new FailedAttempt(clientSubject(guarded, clientAddress), now));
        // Old failures no longer count: keep the table small.
        em.createQuery("delete from FailedAttempt a where a.occurredAt < :before")
                .setParameter("before", now.minus(Duration.ofMinutes(windowMinutes + lockMinutes).multipliedBy(2)))
                .executeUpdate();
    }

    private static String identifiantSubject(Guarded guarded, String identifiant) {
        String who = identifiant == null ? "" : identifiant.strip().toLowerCase(Locale.ROOT);
        if (who.length() > MAX_SUBJECT_LENGTH) {
            who = who.substring(0, MAX_SUBJECT_LENGTH);
        }
        return hash(guarded + "|identifiant|" + who);
    }

    private static String clientSubject(Guarded guarded, String clientAddress) {
        return hash(guarded + "|client|" + clientAddress);
    }

    private static String hash(String value) {
        return SecretTokens.hash(value);
    }
}
