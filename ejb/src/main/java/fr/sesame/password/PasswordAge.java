package fr.sesame.password;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How old a password is and what that calls for: a reminder at a stage before expiry, or a change
 * before anything else once expired. Pure arithmetic on instants, so any clock can drive it.
 *
 * @param changedAt when the password was set: the later of the directory's date and Sésame's record
 */
public record PasswordAge(Instant changedAt, Duration maxAge) {

    /**
     * The age of a password whose change the directory and Sésame may each have dated: the later date
     * wins (a directory without a password policy keeps a stale date or none).
     */
    public static Optional<PasswordAge> of(Optional<Instant> fromDirectory, Optional<Instant> fromSesame, Duration maxAge) {
        Optional<Instant> latest = fromDirectory.isEmpty() ? fromSesame
                : fromSesame.isEmpty() ? fromDirectory
                : Optional.of(fromDirectory.get().isAfter(fromSesame.get()) ? fromDirectory.get() : fromSesame.get());
        return latest.map(changed -> new PasswordAge(changed, maxAge));
    }

    public Instant expiresAt() {
        return changedAt.plus(maxAge);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt());
    }

    /** Whole days left before expiry, rounded up (0 once expired): "expires in 3 days". */
    public long daysLeft(Instant now) {
        if (isExpired(now)) {
            return 0;
        }
        Duration left = Duration.between(now, expiresAt());
        return left.toDays() + (left.minusDays(left.toDays()).isZero() ? 0 : 1);
    }

    /**
     * The reminder stage due now: the smallest stage whose moment has come, so that a sweep that did
     * not run for a while sends the most pressing reminder only. Empty before the first stage and
     * once the password has expired.
     *
     * @param stages days before expiry, in any order
     */
    public OptionalInt dueStage(Instant now, List<Integer> stages) {
        if (isExpired(now)) {
            return OptionalInt.empty();
        }
        OptionalInt due = OptionalInt.empty();
        for (int stage : stages) {
            boolean reached = !now.isBefore(expiresAt().minus(Duration.ofDays(stage)));
            if (reached && (due.isEmpty() || stage < due.getAsInt())) {
                due = OptionalInt.of(stage);
            }
        }
        return due;
    }
}
