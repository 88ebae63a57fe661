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

/**
 * Slows down guessing: after {@code sesame.abuse.max-failures} failures within
 * {@code sesame.abuse.window-minutes}, for one identifiant or from one client address, further
 * attempts are refused for {@code sesame.abuse.lock-minutes} after the last failure. Counts live in
 * the database (hashed subjects), so the limit holds across a farm and a restart.
 */
@Stateless
public class AttemptLimiter {

    /** What is being guessed: counts of one kind never lock another. */
    public enum Guarded {
        /** The NUMEN typed with an identifiant (activation, forgotten identifiant or password). */
        NUMEN,
        /** A one-time code. */
        CODE
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
    @ConfigProperty(name = "sesame.abuse.window-minutes")
    long windowMinutes;

    @Inject
    @ConfigProperty(name = "sesame.abuse.lock-minutes")
    long lockMinutes;

    /**
     * Refuses when the identifiant or the client address has failed too often lately.
     *
     * @param identifiant what the person typed to say who they are (may be null)
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void ensureAllowed(Guarded guarded, String identifiant, String clientAddress) throws TooManyAttemptsException {
        Instant now = clock.instant();
        Instant lockedUntil = null;
        for (String subject : subjects(guarded, identifiant, clientAddress)) {
            List<Instant> recent = em.createQuery("select a.occurredAt from FailedAttempt a where a.subjectHash = :subject"
                            + " and a.occurredAt > :since order by a.occurredAt desc", Instant.class)
                    .setParameter("subject", subject)
                    .setParameter("since", now.minus(Duration.ofMinutes(windowMinutes)))
                    .setMaxResults(maxFailures)
                    .getResultList();
            if (recent.size() >= maxFailures) {
                Instant until = recent.get(0).plus(Duration.ofMinutes(lockMinutes));
                if (until.isAfter(now) && (lockedUntil == null || until.isAfter(lockedUntil))) {
                    lockedUntil = until;
                }
            }
        }
        if (lockedUntil != null) {
            throw new TooManyAttemptsException(Duration.between(now, lockedUntil));
        }
    }

    /**
     * Counts a failure, in its own transaction: the refusal that follows rolls the caller's back, not
     * this.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(Guarded guarded, String identifiant, String clientAddress) {
        Instant now = clock.instant();
        for (String subject : subjects(guarded, identifiant, clientAddress)) {
            em.persist(new FailedAttempt(subject, now));
        }
        // Old failures no longer count: keep the table small.
        em.createQuery("delete from FailedAttempt a where a.occurredAt < :before")
                .setParameter("before", now.minus(Duration.ofMinutes(windowMinutes + lockMinutes).multipliedBy(2)))
                .executeUpdate();
    }

    private static List<String> subjects(Guarded guarded, String identifiant, String clientAddress) {
        String who = identifiant == null ? "" : identifiant.strip().toLowerCase(Locale.ROOT);
        if (who.length() > MAX_SUBJECT_LENGTH) {
            who = who.substring(0, MAX_SUBJECT_LENGTH);
        }
        return List.of(hash(guarded + "|identifiant|" + who), hash(guarded + "|client|" + clientAddress));
    }

    private static String hash(String value) {
        return SecretTokens.hash(value);
    }
}
