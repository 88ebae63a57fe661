package fr.sesame.password;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordAgeTest {

    private static final Duration SIX_MONTHS = Duration.ofDays(180);
    private static final List<Integer> STAGES = List.of(30, 7, 1);
    private static final Instant CHANGED = Instant.parse("2026-03-01T08:00:00Z");
    private static final PasswordAge AGE = new PasswordAge(CHANGED, SIX_MONTHS);

    private static Instant daysAfterChange(double days) {
        return CHANGED.plus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    @Nested
    class Expiry {

        @Test
        void aPasswordExpiresOnTheDayItIsSixMonthsOld() {
            assertThat(AGE.expiresAt()).isEqualTo(Instant.parse("2026-08-28T08:00:00Z"));
            assertThat(AGE.isExpired(daysAfterChange(179.99))).isFalse();
            assertThat(AGE.isExpired(daysAfterChange(180))).isTrue();
        }

        @Test
        void daysLeftAreRoundedUpAndNeverNegative() {
            assertThat(AGE.daysLeft(daysAfterChange(150))).isEqualTo(30);
            assertThat(AGE.daysLeft(daysAfterChange(179.5))).isEqualTo(1);
            assertThat(AGE.daysLeft(daysAfterChange(173.2))).isEqualTo(7);
            assertThat(AGE.daysLeft(daysAfterChange(200))).isZero();
        }
    }

    @Nested
    class Stages {

        @Test
        void nothingIsDueBeforeTheFirstStage() {
            assertThat(AGE.dueStage(daysAfterChange(149.9), STAGES)).isEmpty();
            assertThat(AGE.dueStage(daysAfterChange(10), STAGES)).isEmpty();
        }

        @Test
        void eachStageIsDueFromItsDayUntilTheNext() {
            assertThat(AGE.dueStage(daysAfterChange(150), STAGES)).isEqualTo(OptionalInt.of(30));
            assertThat(AGE.dueStage(daysAfterChange(172.9), STAGES)).isEqualTo(OptionalInt.of(30));
            assertThat(AGE.dueStage(daysAfterChange(173), STAGES)).isEqualTo(OptionalInt.of(7));
            assertThat(AGE.dueStage(daysAfterChange(179), STAGES)).isEqualTo(OptionalInt.of(1));
        }

        @Test
        void aLateSweepSendsOnlyTheMostPressingStage() {
            // The sweep did not run for three weeks: the agent hears "7 days left", not "30".
            assertThat(AGE.dueStage(daysAfterChange(175), STAGES)).isEqualTo(OptionalInt.of(7));
        }

        @Test
        void nothingIsDueOnceExpired() {
            assertThat(AGE.dueStage(daysAfterChange(180), STAGES)).isEmpty();
        }

        @Test
        void theOrderOfTheStagesDoesNotMatter() {
            assertThat(AGE.dueStage(daysAfterChange(179), List.of(1, 30, 7))).isEqualTo(OptionalInt.of(1));
        }
    }

    @Nested
    class WhichDateCounts {

        private final Instant earlier = Instant.parse("2026-01-01T00:00:00Z");
        private final Instant later = Instant.parse("2026-02-01T00:00:00Z");

        @Test
        void theLaterOfTheDirectoryAndSesameWins() {
            assertThat(PasswordAge.of(Optional.of(earlier), Optional.of(later), SIX_MONTHS))
                    .map(PasswordAge::changedAt).contains(later);
            assertThat(PasswordAge.of(Optional.of(later), Optional.of(earlier), SIX_MONTHS))
                    .map(PasswordAge::changedAt).contains(later);
        }

        @Test
        void eitherAloneIsEnoughAndNeitherMeansUnknown() {
            assertThat(PasswordAge.of(Optional.of(earlier), Optional.empty(), SIX_MONTHS))
                    .map(PasswordAge::changedAt).contains(earlier);
            assertThat(PasswordAge.of(Optional.empty(), Optional.of(later), SIX_MONTHS))
                    .map(PasswordAge::changedAt).contains(later);
            assertThat(PasswordAge.of(Optional.empty(), Optional.empty(), SIX_MONTHS)).isEmpty();
        }
    }
}
