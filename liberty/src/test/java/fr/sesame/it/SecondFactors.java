package fr.sesame.it;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authenticator app of the tests: it keeps the secret each account enrolled with (read from the
 * enrolment page, as a person types the key) and computes codes from it, as a phone would. The server
 * accepts a code once, and a step's code a second time never: each code given here is of a later step
 * than the last one given for the account (one step ahead at most, the drift the server allows; it
 * waits for the next step when that is used up).
 */
public final class SecondFactors {

    private static final Duration STEP = Duration.ofSeconds(30);
    /** Time enough for a code to reach the server's check: the page's submit and the login's directory bind. */
    private static final Duration MARGIN = Duration.ofSeconds(10);
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private SecondFactors() {
    }

    /** The account enrolled with this secret (the key shown on the page, spaces and all). */
    public static void enrolled(String login, String shownKey) {
        SECRETS.put(key(login), shownKey.replaceAll("\\s", ""));
        LAST_STEP.remove(key(login));
    }

    /** The account's second factor was reset or turned off. */
    public static void forget(String login) {
        SECRETS.remove(key(login));
        LAST_STEP.remove(key(login));
    }

    public static String secretOf(String login) {
        String secret = SECRETS.get(key(login));
        if (secret == null) {
            throw new IllegalStateException("No authenticator secret for " + login
                    + " in this test run: its enrolment happened elsewhere (an earlier run's database?)");
        }
        return secret;
    }

    /**
     * A code the server has not seen for this account, of a step within its allowed drift when the
     * server reads it too. The step before the current one is given only while the current step has
     * more than {@link #MARGIN} left: given later, the step can end between this call and the
     * server's check, and that code is then two steps old and refused.
     */
    public static synchronized String nextCode(String login) {
        String secret = secretOf(login);
        while (true) {
            Instant now = Instant.now();
            long current = stepOf(now);
            Duration left = Duration.between(now, Instant.ofEpochSecond((current + 1) * STEP.getSeconds()));
            long oldest = left.compareTo(MARGIN) > 0 ? current - 1 : current;
            long step = Math.max(oldest, LAST_STEP.getOrDefault(key(login), Long.MIN_VALUE) + 1);
            if (step <= current + 1) {
                LAST_STEP.put(key(login), step);
                return codeAt(secret, step);
            }
            try {
                // Every code the server still accepts was given: the next one comes with the next step.
                long wait = left.toMillis() + 50;
                // Said, so that a run's time spent waiting for codes can be read in its output.
                System.out.printf("[authenticator] %s: every code of the allowed steps was used, waiting %d ms%n", login, wait);
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A six-digit code the server refuses now for this key: none of the steps it accepts has it. */
    public static String wrongCodeFor(String shownKey, int seed) {
        String secret = shownKey.replaceAll("\\s", "");
        long current = stepOf(Instant.now());
        java.util.Set<String> accepted = new java.util.HashSet<>();
        for (long step = current - 2; step <= current + 2; step++) {
            accepted.add(codeAt(secret, step));
        }
        for (int candidate = seed; ; candidate = (candidate + 7919) % 1_000_000) {
            String code = String.format("%06d", candidate);
            if (!accepted.contains(code)) {
                return code;
            }
        }
    }

    public static String wrongCode(String login, int seed) {
        return wrongCodeFor(secretOf(login), seed);
    }

    public static long stepOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP.getSeconds());
    }

    public static String codeAt(String secret, long step) {
        try {
            TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, 6);
            return generator.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(secret), generator.getAlgorithm()),
                    Instant.ofEpochSecond(step * STEP.getSeconds()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }
}
