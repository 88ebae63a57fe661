package fr.sesame.admin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessChecksTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    @Test
    void aComponentIsAskedOnceHoweverOftenReadinessIsAskedWithinTheCacheTime() {
        ReadinessChecks.Recent recent = new ReadinessChecks.Recent();
        AtomicInteger asked = new AtomicInteger();

        for (int i = 0; i < 1000; i++) {
            recent.get(() -> {
                asked.incrementAndGet();
                return new ComponentStatus("directory", true, "ldap", "");
            }, NOW.plusMillis(i), FIVE_SECONDS);
        }

        assertThat(asked).hasValue(1);
    }

    @Test
    void anAnswerOlderThanTheCacheTimeIsAskedAgain() {
        ReadinessChecks.Recent recent = new ReadinessChecks.Recent();

        assertThat(recent.get(() -> new ComponentStatus("directory", true, "ldap", ""), NOW, FIVE_SECONDS).up()).isTrue();
        assertThat(recent.get(() -> new ComponentStatus("directory", false, "ldap", "refused"), NOW.plusSeconds(4), FIVE_SECONDS).up())
                .as("still the answer of four seconds ago").isTrue();
        assertThat(recent.get(() -> new ComponentStatus("directory", false, "ldap", "refused"), NOW.plusSeconds(5), FIVE_SECONDS).up()).isFalse();
    }
}
