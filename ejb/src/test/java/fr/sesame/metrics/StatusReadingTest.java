package fr.sesame.metrics;

import fr.sesame.mail.Outbox;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StatusReadingTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void theOldestMessagesWaitInSeconds() {
        StatusReading reading = StatusReading.of(Optional.of(new Outbox.Waiting(12, 3, Optional.of(NOW.minusSeconds(1_250).minusMillis(500)))),
                true, NOW);

        assertThat(reading.queued()).isEqualTo(12);
        assertThat(reading.retrying()).isEqualTo(3);
        assertThat(reading.oldestAgeSeconds()).isEqualTo(1_250.5);
        assertThat(reading.directoryUp()).isEqualTo(1);
    }

    @Test
    void anEmptyOutboxHasWaitedNothing() {
        StatusReading reading = StatusReading.of(Optional.of(new Outbox.Waiting(0, 0, Optional.empty())), false, NOW);

        assertThat(reading.queued()).isZero();
        assertThat(reading.oldestAgeSeconds()).isZero();
        assertThat(reading.directoryUp()).isZero();
    }

    @Test
    void aMessageDatedAfterTheReadingHasNotWaited() {
        // Another farm member's clock a little ahead.
        assertThat(StatusReading.of(Optional.of(new Outbox.Waiting(1, 0, Optional.of(NOW.plusSeconds(2)))), true, NOW)
                .oldestAgeSeconds()).isZero();
    }

    @Test
    void anUnreadableDatabaseIsUnknownNotZero() {
        StatusReading reading = StatusReading.of(Optional.empty(), true, NOW);

        assertThat(reading.queued()).isNaN();
        assertThat(reading.retrying()).isNaN();
        assertThat(reading.oldestAgeSeconds()).isNaN();
        assertThat(reading.directoryUp()).as("the directory was still asked").isEqualTo(1);
        assertThat(StatusReading.UNKNOWN.directoryUp()).as("before the first reading").isNaN();
    }
}
