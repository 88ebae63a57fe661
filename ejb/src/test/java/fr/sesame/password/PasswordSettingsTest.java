package fr.sesame.password;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordSettingsTest {

    @Test
    void stagesAreReadLargestFirstWhateverTheOrderTyped() {
        assertThat(new PasswordSettings(180, "1, 30,7", 5, 60).reminderStages()).containsExactly(30, 7, 1);
    }

    @Test
    void stagesThatMakeNoSenseAreIgnored() {
        assertThat(new PasswordSettings(180, "30,,abc,-3,0,7,7,200,180", 5, 60).reminderStages()).containsExactly(30, 7);
        assertThat(new PasswordSettings(180, "", 5, 60).reminderStages()).isEmpty();
    }

    @Test
    void theHistoryKeepsAtLeastTheCurrentPassword() {
        assertThat(new PasswordSettings(180, "30", 0, 60).historySize()).isEqualTo(1);
        assertThat(new PasswordSettings(180, "30", 5, 60).historySize()).isEqualTo(5);
    }

    @Test
    void durationsComeFromTheirSettings() {
        PasswordSettings settings = new PasswordSettings(90, "30", 5, 45);
        assertThat(settings.maxAge()).isEqualTo(Duration.ofDays(90));
        assertThat(settings.resetValidity()).isEqualTo(Duration.ofMinutes(45));
    }
}
