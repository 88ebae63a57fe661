package fr.sesame.secondfactor;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The codes of an authenticator app: six digits, HMAC-SHA1, a 30-second step (what every app assumes),
 * computed by java-otp. A secret is 160 random bits, shown to people in Base32.
 */
public final class TotpCodes {

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    /** How many steps a phone's clock may be early or late. */
    public static final int DRIFT_STEPS = 1;
    private static final int SECRET_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeBasedOneTimePasswordGenerator generator;

    public TotpCodes() {
        this(DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    }

    TotpCodes(int digits, String algorithm) {
        generator = new TimeBasedOneTimePasswordGenerator(STEP, digits, algorithm);
    }

    /** A new secret, in Base32 without padding (what apps and the otpauth URI take). */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    /** The step an instant falls in. */
    public static long stepOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP.getSeconds());
    }

    /** The code of this secret at this step. */
    public String codeAt(String base32Secret, long step) {
        return codeAt(new Base32().decode(base32Secret), step);
    }

    String codeAt(byte[] secret, long step) {
        try {
            return generator.generateOneTimePasswordString(new SecretKeySpec(secret, generator.getAlgorithm()),
                    Instant.ofEpochSecond(step * STEP.getSeconds()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("An HMAC key of any length is valid", e);
        }
    }

    /**
     * The latest step within the allowed drift of {@code now} whose code is the one typed, and after
     * {@code after}; -1 when none.
     */
    public long matchingStep(String base32Secret, String typed, Instant now, long after) {
        long current = stepOf(now);
        for (long step = current + DRIFT_STEPS; step >= current - DRIFT_STEPS; step--) {
            if (step > after && java.security.MessageDigest.isEqual(codeAt(base32Secret, step).getBytes(StandardCharsets.US_ASCII),
                    typed.getBytes(StandardCharsets.US_ASCII))) {
                return step;
            }
        }
        return -1;
    }

    /** What the QR code holds (the Key Uri Format every authenticator app reads). */
    public static String uri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.getSeconds();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
