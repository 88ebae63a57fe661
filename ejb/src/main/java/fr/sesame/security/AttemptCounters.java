package fr.sesame.security;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The counters behind {@link AttemptLimiter}, one row per subject. Counting an attempt is a
 * conditional update ({@code attempts = attempts + 1 where attempts < max}) in a transaction of its
 * own: the database serialises parallel attempts on the row, so no more than the limit ever get
 * through, whichever server of the farm they reach.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AttemptCounters {

    /** How many attempts a subject may make, over which window, and how long it then waits. */
    public record Limit(int max, Duration window, Duration lock) {

        /** The wait once the limit is reached: {@code lock}, or what is left of the window when there is none. */
        Instant until(AttemptCounter counter) {
            return counter.lockedUntil() != null ? counter.lockedUntil() : counter.windowStart().plus(window);
        }
    }

    /** Counters untouched for this long are deleted (longer than any window or lock). */
    private static final Duration FORGOTTEN_AFTER = Duration.ofDays(2);

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    /**
     * Counts one attempt of {@code subject}, unless it has reached its limit.
     *
     * @return empty when counted; when refused, until when
     */
    public Optional<Instant> count(String subject, Limit limit, Instant now) {
        // A window (or a lock) that is over starts again from nothing.
        em.createQuery("update AttemptCounter c set c.attempts = 0, c.windowStart = :now, c.lockedUntil = null"
                        + " where c.subjectHash = :subject and ((c.lockedUntil is null and c.windowStart <= :windowOver)"
                        + " or c.lockedUntil <= :now)")
                .setParameter("subject", subject)
                .setParameter("now", now)
                .setParameter("windowOver", now.minus(limit.window()))
                .executeUpdate();
        int counted = countOne(subject, limit);
        AttemptCounter counter = null;
        if (counted == 0) {
            counter = em.find(AttemptCounter.class, subject);
            if (counter != null && counter.attempts() < limit.max()) {
                // The row appeared, or made room, after our update looked (a parallel first attempt,
                // committed in between): there is room, so this attempt counts like the others.
                counted = countOne(subject, limit);
            }
        }
        if (counted == 1) {
            if (limit.lock() != null) {
                // The attempt that reaches the limit starts the wait.
                em.createQuery("update AttemptCounter c set c.lockedUntil = :until"
                                + " where c.subjectHash = :subject and c.attempts >= :max and c.lockedUntil is null")
                        .setParameter("until", now.plus(limit.lock()))
                        .setParameter("subject", subject)
                        .setParameter("max", limit.max())
                        .executeUpdate();
            }
            return Optional.empty();
        }
        if (counter == null) {
            if (limit.max() < 1) {
                return Optional.of(now.plus(limit.window()));
            }
            // The first attempt: a concurrent first insert fails on the key, and its caller counts again.
            forgetOlderThan(now.minus(FORGOTTEN_AFTER));
            em.persist(new AttemptCounter(subject, now, limit.max() == 1 && limit.lock() != null ? now.plus(limit.lock()) : null));
            em.flush();
            return Optional.empty();
        }
        // Full: the wait as it stands now (the attempt that filled it may have set the lock meanwhile).
        em.refresh(counter);
        return Optional.of(limit.until(counter));
    }

    private int countOne(String subject, Limit limit) {
        return em.createQuery("update AttemptCounter c set c.attempts = c.attempts + 1"
                        + " where c.subjectHash = :subject and c.attempts < :max")
                .setParameter("subject", subject)
                .setParameter("max", limit.max())
                .executeUpdate();
    }

    /** Gives back an attempt counted for nothing (it succeeded, or another limit refused it). */
    public void refund(String subject, Limit limit) {
        em.createQuery("update AttemptCounter c set c.attempts = c.attempts - 1 where c.subjectHash = :subject and c.attempts > 0")
                .setParameter("subject", subject)
                .executeUpdate();
        em.createQuery("update AttemptCounter c set c.lockedUntil = null where c.subjectHash = :subject and c.attempts < :max")
                .setParameter("subject", subject)
                .setParameter("max", limit.max())
                .executeUpdate();
    }

    /** Until when the subject waits, without counting anything. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> waitsUntil(String subject, Limit limit, Instant now) {
        AttemptCounter counter = em.find(AttemptCounter.class, subject);
        if (counter == null) {
            return Optional.empty();
        }
        if (counter.lockedUntil() != null) {
            return counter.lockedUntil().isAfter(now) ? Optional.of(counter.lockedUntil()) : Optional.empty();
        }
        Instant windowEnd = counter.windowStart().plus(limit.window());
        return counter.attempts() >= limit.max() && windowEnd.isAfter(now) ? Optional.of(windowEnd) : Optional.empty();
    }

    /** The subject starts again from nothing. */
    public void forget(String subject) {
        em.createQuery("delete from AttemptCounter c where c.subjectHash = :subject")
                .setParameter("subject", subject)
                .executeUpdate();
    }

    /** Counters nobody has used for a long while go. */
    void forgetOlderThan(Instant before) {
        em.createQuery("delete from AttemptCounter c where c.windowStart < :before and (c.lockedUntil is null or c.lockedUntil < :before)")
                .setParameter("before", before)
                .executeUpdate();
    }
}
