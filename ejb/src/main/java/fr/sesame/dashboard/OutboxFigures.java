package fr.sesame.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox now and its failures of the last days.
 *
 * @param waiting messages waiting for delivery (queued, or in a courier's hands)
 * @param retrying of those, the ones at least one attempt already failed for
 * @param oldestWaitingSince when the oldest waiting message was queued; empty when none waits
 * @param perDay per day of queueing (Sésame keeps no date of the failure itself, which comes within
 *               minutes for a refused address and within the validity for a code or link): refused for good
 *               ({@code FAILED}) and dropped once useless ({@code EXPIRED})
 */
public record OutboxFigures(Instant now, long waiting, long retrying, Optional<Instant> oldestWaitingSince,
                            List<DailyFailures> perDay) {

    public OutboxFigures {
        perDay = List.copyOf(perDay);
        oldestWaitingSince = java.util.Objects.requireNonNullElse(oldestWaitingSince, Optional.empty());
    }

    /** How long the oldest waiting message has waited; empty when none waits. */
    public Optional<Duration> oldestWait() {
        return oldestWaitingSince.map(since -> since.isAfter(now) ? Duration.ZERO : Duration.between(since, now));
    }

    public long failed() {
        return perDay.stream().mapToLong(DailyFailures::failed).sum();
    }

    public long expired() {
        return perDay.stream().mapToLong(DailyFailures::expired).sum();
    }

    public record DailyFailures(java.time.LocalDate day, long failed, long expired) {
    }
}
