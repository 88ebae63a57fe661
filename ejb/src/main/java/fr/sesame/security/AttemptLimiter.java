package fr.sesame.security;

import fr.sesame.security.AttemptCounters.Limit;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down guessing and flooding. Every attempt at something guarded is counted before it is
 * checked, for the account (or the address) it names and for the client address it comes from; once a
 * subject reaches its limit, further attempts are refused until its wait is over. Counting and checking
 * are one conditional update of the database ({@link AttemptCounters}): two hundred parallel guesses
 * at a code get no more tries than the limit, on one server or on a farm. An attempt that succeeds is
 * given back (and the account's failures forgotten), so a school behind one address is not locked by
 * its own successful logins. Subjects are stored hashed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AttemptLimiter {

    /** What is being guessed or asked for: counts of one kind never lock another. */
    public enum Guarded {
        /** The NUMEN typed with an identifiant (activation, forgotten identifiant or password). */
        NUMEN,
        /** A one-time code. */
        CODE,
        /** A password, at login or to confirm a change. */
        LOGIN,
        /** A forgotten-password request. */
        RESET,
        /** A one-time code sent by e-mail or SMS (per account, per hour). */
        CODE_SENT,
        /** An anonymous request that sends a mail to an account's recovery address (identifiant, reset, new link). */
        MAIL_REQUEST,
        /** A request from the public support form (per client address, per contact address). */
        PUBLIC_REQUEST
    }

    private static final int MAX_SUBJECT_LENGTH = 254;

    @Inject
    AttemptCounters counters;

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

    @Inject
    @ConfigProperty(name = "sesame.activation.code-sends-per-hour")
    int codeSendsPerHour;

    @Inject
    @ConfigProperty(name = "sesame.abuse.mail-per-client-per-hour")
    int mailPerClientPerHour;

    @Inject
    @ConfigProperty(name = "sesame.abuse.mail-per-recipient-per-day")
    int mailPerRecipientPerDay;

    /** Failures of one identifiant that lock it. */
    public int maxFailures() {
        return maxFailures;
    }

    /** How long a lock lasts. */
    public long lockMinutes() {
        return lockMinutes;
    }

    /** Requests that send a mail to one recipient in a day. */
    public int mailPerRecipientPerDay() {
        return mailPerRecipientPerDay;
    }

    /** The limit of the account, address or recipient an attempt names. */
    Limit subjectLimit(Guarded guarded) {
        return switch (guarded) {
            case NUMEN, CODE, LOGIN, RESET -> new Limit(maxFailures, Duration.ofMinutes(windowMinutes), Duration.ofMinutes(lockMinutes));
            case CODE_SENT -> new Limit(codeSendsPerHour, Duration.ofHours(1), null);
            case MAIL_REQUEST, PUBLIC_REQUEST -> new Limit(mailPerRecipientPerDay, Duration.ofDays(1), null);
        };
    }

    /** The limit of the client address an attempt comes from (higher: a whole school may share one). */
    Limit clientLimit(Guarded guarded) {
        return switch (guarded) {
            case NUMEN, CODE, LOGIN, RESET, CODE_SENT ->
                    new Limit(clientMaxFailures, Duration.ofMinutes(windowMinutes), Duration.ofMinutes(lockMinutes));
            case MAIL_REQUEST, PUBLIC_REQUEST -> new Limit(mailPerClientPerHour, Duration.ofHours(1), null);
        };
    }

    /**
     * Counts one attempt for the subject and the client address, or refuses it (counting nothing) when
     * either has reached its limit.
     *
     * @param subject what the person typed to say who they are (an identifiant, a NUMEN, a contact
     *                address); null to count the client address alone
     * @throws TooManyAttemptsException saying which of the two is refused and for how long
     */
    public void attempt(Guarded guarded, String subject, String clientAddress) throws TooManyAttemptsException {
        Instant now = clock.instant();
        String subjectKey = subject == null ? null : subjectKey(guarded, subject);
        if (subjectKey != null) {
            Optional<Instant> refused = count(subjectKey, subjectLimit(guarded), now);
            if (refused.isPresent()) {
                throw new TooManyAttemptsException(Duration.between(now, refused.get()), true);
            }
        }
        Optional<Instant> refused = count(clientKey(guarded, clientAddress), clientLimit(guarded), now);
        if (refused.isPresent()) {
            if (subjectKey != null) {
                counters.refund(subjectKey, subjectLimit(guarded));
            }
            throw new TooManyAttemptsException(Duration.between(now, refused.get()), false);
        }
    }

    /**
     * Counts one attempt for the subject alone, for a limit that must not show: a mail to an account's
     * recovery address that is simply not sent again today, the page saying the same as when it is.
     *
     * @return whether it was counted (false: the subject has reached its limit)
     */
    public boolean withinLimit(Guarded guarded, String subject) {
        return count(subjectKey(guarded, subject), subjectLimit(guarded), clock.instant()).isEmpty();
    }

    /**
     * The attempt succeeded (the right password, NUMEN, code): the subject's failures are forgotten and
     * the client address gets its attempt back.
     */
    public void succeeded(Guarded guarded, String subject, String clientAddress) {
        forget(guarded, subject);
        counters.refund(clientKey(guarded, clientAddress), clientLimit(guarded));
    }

    /** Refuses, without counting, when the subject or the client address has to wait. */
    public void ensureAllowed(Guarded guarded, String subject, String clientAddress) throws TooManyAttemptsException {
        Instant now = clock.instant();
        Optional<Instant> bySubject = lockedUntil(guarded, subject);
        if (bySubject.isPresent()) {
            throw new TooManyAttemptsException(Duration.between(now, bySubject.get()), true);
        }
        Optional<Instant> byClient = clientLockedUntil(guarded, clientAddress);
        if (byClient.isPresent()) {
            throw new TooManyAttemptsException(Duration.between(now, byClient.get()), false);
        }
    }

    /** Until when this identifiant is refused, for the hotline; empty when it is not. */
    public Optional<Instant> lockedUntil(Guarded guarded, String subject) {
        return counters.waitsUntil(subjectKey(guarded, subject), subjectLimit(guarded), clock.instant());
    }

    /** Until when this client address is refused, for the hotline; empty when it is not. */
    public Optional<Instant> clientLockedUntil(Guarded guarded, String clientAddress) {
        return counters.waitsUntil(clientKey(guarded, clientAddress), clientLimit(guarded), clock.instant());
    }

    /** Forgets the subject's attempts: the hotline lifted the lock, or the agent proved who they are. */
    public void forget(Guarded guarded, String subject) {
        counters.forget(subjectKey(guarded, subject));
    }

    /** Forgets a client address's attempts: the hotline lifted its lock (a school behind one address). */
    public void forgetClient(Guarded guarded, String clientAddress) {
        counters.forget(clientKey(guarded, clientAddress));
    }

    private Optional<Instant> count(String key, Limit limit, Instant now) {
        try {
            return counters.count(key, limit, now);
        } catch (EJBException | jakarta.persistence.PersistenceException e) {
            // Two first attempts at once: one inserted the row, the other counts on it now.
            return counters.count(key, limit, now);
        }
    }

    private static String subjectKey(Guarded guarded, String subject) {
        String who = subject == null ? "" : subject.strip().toLowerCase(Locale.ROOT);
        if (who.length() > MAX_SUBJECT_LENGTH) {
            who = who.substring(0, MAX_SUBJECT_LENGTH);
        }
        return SecretTokens.hash(guarded + "|identifiant|" + who);
    }

    private static String clientKey(Guarded guarded, String clientAddress) {
        return SecretTokens.hash(guarded + "|client|" + clientAddress);
    }
}
