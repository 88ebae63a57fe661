package fr.sesame.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class BucketsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Wednesday 1 April 2026, 10:00 in Paris (summer time since Sunday 29 March). */
    private static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");

    @Test
    void weeksBeginOnMondayAtMidnightInParisAndEndWithTheCurrentOne() {
        Buckets weeks = Buckets.weeksUpTo(NOW, PARIS, 3);

        assertThat(weeks.starts()).containsExactly(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 30));
        assertThat(weeks.from(0)).isEqualTo(Instant.parse("2026-03-15T23:00:00Z"));
        // The week of the change to summer time lasts an hour less.
        assertThat(Duration.between(weeks.from(1), weeks.to(1))).isEqualTo(Duration.ofHours(7 * 24 - 1));
        assertThat(weeks.to(2)).isEqualTo(Instant.parse("2026-04-05T22:00:00Z"));
    }

    @Test
    void theCurrentPeriodEndsNowWhenAskedTo() {
        Buckets weeks = Buckets.weeksUpTo(NOW, PARIS, 2).endingAt(NOW);

        assertThat(weeks.to(1)).isEqualTo(NOW);
        assertThat(weeks.from(1)).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(weeks.indexOf(NOW)).isEqualTo(-1);
        assertThat(weeks.indexOf(NOW.minusSeconds(1))).isEqualTo(1);
    }

    @Test
    void daysEndWithTodayAndOneIsTwentyThreeHoursLongInMarch() {
        Buckets days = Buckets.daysUpTo(NOW, PARIS, 5);

        assertThat(days.starts()).first().isEqualTo(LocalDate.of(2026, 3, 28));
        assertThat(days.starts()).last().isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(Duration.between(days.from(1), days.to(1))).isEqualTo(Duration.ofHours(23));
        assertThat(days.indexOf(Instant.parse("2026-03-28T22:59:59Z"))).isZero();
        assertThat(days.indexOf(Instant.parse("2026-03-28T23:00:00Z"))).isEqualTo(1);
        assertThat(days.indexOf(Instant.parse("2026-03-27T22:59:59Z"))).isEqualTo(-1);
    }

    @Test
    void weeksAheadStartNowAndStopAfterTheLastDay() {
        Buckets ahead = Buckets.weeksAhead(NOW, PARIS, 30);

        // Today and the 29 days after: to Thursday 30 April included, in five weeks from Monday 30 March.
        assertThat(ahead.starts()).containsExactly(LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 6),
                LocalDate.of(2026, 4, 13), LocalDate.of(2026, 4, 20), LocalDate.of(2026, 4, 27));
        assertThat(ahead.first()).isEqualTo(NOW);
        assertThat(ahead.to(0)).isEqualTo(Instant.parse("2026-04-05T22:00:00Z"));
        assertThat(ahead.last()).isEqualTo(Instant.parse("2026-04-30T22:00:00Z"));
        assertThat(ahead.indexOf(NOW.minusSeconds(1))).isEqualTo(-1);
    }

    @Test
    void aShareOfNothingIsUnknownAndOthersRoundToTheNearestPercent() {
        assertThat(new Share(0, 0).known()).isFalse();
        assertThat(new Share(2, 3).percent()).isEqualTo(67);
        assertThat(new Share(1, 3).percent()).isEqualTo(33);
        assertThat(new Share(0, 5).percent()).isZero();
        assertThat(new Share(5, 5).percent()).isEqualTo(100);
    }
}
