package fr.sesame.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * The attempts at something guarded (a password, a NUMEN, a one-time code, a request that sends a
 * mail) by one subject — an identifiant, a client address, a contact address, kept as a hash — since
 * its window began. Counted by conditional updates, so that the limit holds under concurrency.
 */
@Entity
@Table(name = "attempt_counter")
public class AttemptCounter {

    @Id
    @Column(name = "subject_hash", length = 64, nullable = false, updatable = false)
    private String subjectHash;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected AttemptCounter() {
        // for JPA
    }

    /**
     * The first attempt of a subject.
     *
     * @param lockedUntil when a single attempt is the limit, the end of the wait it starts; null otherwise
     */
    public AttemptCounter(String subjectHash, Instant now, Instant lockedUntil) {
        this.subjectHash = Objects.requireNonNull(subjectHash, "subjectHash");
        this.windowStart = Objects.requireNonNull(now, "now");
        this.attempts = 1;
        this.lockedUntil = lockedUntil;
    }

    public int attempts() {
        return attempts;
    }

    public Instant windowStart() {
        return windowStart;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
