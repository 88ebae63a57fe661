package fr.sesame.security;

import jakarta.ejb.ApplicationException;

import java.time.Duration;

/** Too many attempts for this identifiant (or address) or from this client address: wait before trying again. */
@ApplicationException(rollback = true)
public class TooManyAttemptsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;
    private final boolean bySubject;

    /**
     * @param bySubject whether the account (or address) named is what waits, rather than the client
     *                  address the attempt came from
     */
    public TooManyAttemptsException(Duration retryAfter, boolean bySubject) {
        super("Too many attempts; retry after " + retryAfter);
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        this.bySubject = bySubject;
    }

    /** Whether the account (or address) named is what waits, rather than the client address. */
    public boolean bySubject() {
        return bySubject;
    }

    /** How long to wait, rounded up to whole minutes (at least one) for people. */
    public long minutesToWait() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
