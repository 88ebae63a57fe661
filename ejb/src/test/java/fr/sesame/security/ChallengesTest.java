package fr.sesame.security;

import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check's proofs, solved the way the widget solves them. The database that remembers a used proof
 * is tested with the server (PublicRequestIT); here it is a set, to test what is checked before.
 */
class ChallengesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    /** Remembers which proofs were used, as the attempt counters do. */
    private static final class UsedOnce extends AttemptCounters {
        private final Set<String> used = new HashSet<>();

        @Override
        public Optional<Instant> count(String subject, Limit limit, Instant now) {
            return used.add(subject) ? Optional.empty() : Optional.of(now.plus(limit.window()));
        }
    }

    private static Challenges at(Instant now) {
        return new Challenges("cle-de-test", 1000, 15, 20, Clock.fixed(now, ZoneOffset.UTC), new UsedOnce());
    }

    private static String solve(String challengeJson) throws Exception {
        String challenge = field(challengeJson, "challenge");
        String salt = field(challengeJson, "salt");
        Altcha.Solution solution = Altcha.solveChallenge(challenge, salt, Altcha.Algorithm.SHA256, 1000, 0);
        String payload = "{\"algorithm\":\"SHA-256\",\"challenge\":\"" + challenge + "\",\"number\":" + solution.number
                + ",\"salt\":\"" + salt + "\",\"signature\":\"" + field(challengeJson, "signature") + "\"}";
        return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(value.find()).isTrue();
        return value.group(1);
    }

    @Test
    void aSolvedChallengeProvesAPersonOnce() throws Exception {
        Challenges challenges = at(Instant.now());
        String payload = solve(challenges.issue().challengeJson());

        assertThat(challenges.solved(payload, null)).isTrue();
        assertThat(challenges.solved(payload, null)).as("replayed").isFalse();
    }

    @Test
    void aForgedOrBrokenPayloadProvesNothing() throws Exception {
        Challenges challenges = at(Instant.now());
        String payload = solve(challenges.issue().challengeJson());
        String forged = new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8).replace("\"number\":", "\"number\":1");

        assertThat(challenges.solved(Base64.getEncoder().encodeToString(forged.getBytes(StandardCharsets.UTF_8)), null)).isFalse();
        assertThat(challenges.solved("pas du base64 !", null)).isFalse();
        assertThat(challenges.solved("x".repeat(5000), null)).isFalse();
        assertThat(new Challenges("une-autre-cle", 1000, 15, 20, Clock.systemUTC(), new UsedOnce()).solved(payload, null))
                .as("signed with another key").isFalse();
    }

    @Test
    void withoutJavaScriptTheFormIsGoodOnceAfterTheWaitAndUntilItExpires() {
        String token = at(NOW).issue().waitToken();

        assertThat(at(NOW.plusSeconds(5)).solved(null, token)).as("too soon").isFalse();
        Challenges later = at(NOW.plusSeconds(15));
        assertThat(later.solved(null, token)).isTrue();
        assertThat(later.solved(null, token)).as("replayed").isFalse();
        assertThat(at(NOW.plus(Duration.ofMinutes(21))).solved(null, token)).as("expired").isFalse();
    }

    @Test
    void aTamperedWaitTokenIsRefused() {
        String token = at(NOW).issue().waitToken();
        String[] parts = token.split("\\.");
        String earlier = parts[0] + "." + (Long.parseLong(parts[1]) - 60) + "." + parts[2] + "." + parts[3];

        assertThat(at(NOW.plusSeconds(20)).solved(null, earlier)).as("moved back in time").isFalse();
        assertThat(at(NOW.plusSeconds(20)).solved(null, token + "x")).isFalse();
        assertThat(at(NOW.plusSeconds(20)).solved(null, "w1.1.2.3")).isFalse();
        assertThat(at(NOW.plusSeconds(20)).solved(null, null)).isFalse();
        assertThat(at(NOW.plusSeconds(20)).solved("", "")).isFalse();
    }
}
