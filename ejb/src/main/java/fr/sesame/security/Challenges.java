package fr.sesame.security;

import fr.sesame.security.AttemptCounters.Limit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.altcha.altcha.Altcha;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The "je ne suis pas un robot" check of the public forms and of a login past its account's limit: a
 * proof of work (ALTCHA, served by Sésame itself, no third party) that a browser solves in a second or
 * two and a script pays for each time. Without JavaScript the form carries a signed moment instead, and
 * is accepted once the person has waited {@code sesame.challenge.wait-seconds}. Either proof is good
 * once, for {@code sesame.challenge.validity-minutes}.
 */
@ApplicationScoped
public class Challenges {

    /** A challenge to put in a form: the widget's JSON and the no-script token. */
    public record Issued(String challengeJson, String waitToken) {
    }

    private static final String WAIT_VERSION = "w1";

    @Inject
    AttemptCounters counters;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "sesame.challenge.key")
    String key;

    @Inject
    @ConfigProperty(name = "sesame.challenge.max-number")
    long maxNumber;

    @Inject
    @ConfigProperty(name = "sesame.challenge.wait-seconds")
    long waitSeconds;

    @Inject
    @ConfigProperty(name = "sesame.challenge.validity-minutes")
    long validityMinutes;

    public Challenges() {
        // for CDI
    }

    Challenges(String key, long maxNumber, long waitSeconds, long validityMinutes, Clock clock, AttemptCounters counters) {
        this.key = key;
        this.maxNumber = maxNumber;
        this.waitSeconds = waitSeconds;
        this.validityMinutes = validityMinutes;
        this.clock = clock;
        this.counters = counters;
    }

    public Issued issue() {
        Instant now = clock.instant();
        try {
            Altcha.ChallengeOptions options = new Altcha.ChallengeOptions()
                    .setHmacKey(key)
                    .setMaxNumber(maxNumber)
                    .setExpires(now.plus(validity()).getEpochSecond());
            Altcha.Challenge challenge = Altcha.createChallenge(options);
            String json = "{\"algorithm\":\"" + challenge.algorithm + "\",\"challenge\":\"" + challenge.challenge
                    + "\",\"maxnumber\":" + challenge.maxnumber + ",\"salt\":\"" + challenge.salt
                    + "\",\"signature\":\"" + challenge.signature + "\"}";
            return new Issued(json, waitToken(now));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create a challenge", e);
        }
    }

    /** The seconds a person without JavaScript waits before the form is accepted. */
    public long waitSeconds() {
        return waitSeconds;
    }

    /**
     * Whether the form proves a person: a solved challenge, or else the no-script token old enough.
     * Each proof counts once; a replayed one is refused.
     *
     * @param payload what the widget put in the form (Base64 JSON), or null
     * @param waitToken the token the form was drawn with, or null
     */
    public boolean solved(String payload, String waitToken) {
        Instant now = clock.instant();
        if (payload != null && !payload.isBlank() && payload.length() < 2000) {
            try {
                return Altcha.verifySolution(payload.strip(), key, true) && firstUse("pow|" + payload.strip(), now);
            } catch (Exception e) {
                return false; // not Base64, not JSON, not ours
            }
        }
        return waitedFor(waitToken, now) && firstUse("wait|" + waitToken, now);
    }

    private boolean waitedFor(String token, Instant now) {
        if (token == null || token.length() > 200) {
            return false;
        }
        String[] parts = token.split("\\.");
        if (parts.length != 4 || !parts[0].equals(WAIT_VERSION)) {
            return false;
        }
        String expected = sign(parts[0] + "." + parts[1] + "." + parts[2]);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        Optional<Instant> issued;
        try {
            issued = Optional.of(Instant.ofEpochSecond(Long.parseLong(parts[1])));
        } catch (NumberFormatException e) {
            issued = Optional.empty();
        }
        return issued.filter(at -> !now.isBefore(at.plusSeconds(waitSeconds)) && now.isBefore(at.plus(validity()))).isPresent();
    }

    private String waitToken(Instant now) {
        byte[] nonce = Altcha.randomBytes(12);
        String body = WAIT_VERSION + "." + now.getEpochSecond() + "." + HexFormat.of().formatHex(nonce);
        return body + "." + sign(body);
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has HMAC-SHA256", e);
        }
    }

    /** A proof is good once: the database remembers it for as long as it could be valid. */
    private boolean firstUse(String proof, Instant now) {
        try {
            return counters.count(SecretTokens.hash("challenge|" + proof), new Limit(1, validity(), validity()), now).isEmpty();
        } catch (jakarta.ejb.EJBException | jakarta.persistence.PersistenceException e) {
            return false; // the same proof sent twice at the same instant: the other one counted it
        }
    }

    private Duration validity() {
        return Duration.ofMinutes(validityMinutes);
    }
}
