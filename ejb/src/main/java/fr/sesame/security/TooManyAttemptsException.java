package fr.sesame.security;

import jakarta.ejb.ApplicationException;

import java.time.Duration;

/** Too many failed attempts for this identifiant or from this address: wait before trying again. */
@ApplicationException(rollback = true)
public class TooManyAttemptsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("Too many failed attempts; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    /** How long to wait, rounded up to whole minutes (at least one) for people. */
    public long minutesToWait() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
