package fr.sesame.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxStepsTest {

    @Test
    void retriesWaitTwiceAsLongEachTimeAtMostAQuarterOfAnHourThenAnHourAfterTheFirstHours() {
        OutboxSteps steps = new OutboxSteps();
        steps.retryBaseSeconds = 30;
        steps.earlyHours = 6;
        steps.earlyMaxWaitMinutes = 15;
        steps.maxWaitMinutes = 60;
        Duration young = Duration.ofMinutes(10);
        Duration old = Duration.ofHours(7);

        assertThat(steps.retryDelay(1, young)).isEqualTo(Duration.ofSeconds(30));
        assertThat(steps.retryDelay(2, young)).isEqualTo(Duration.ofMinutes(1));
        assertThat(steps.retryDelay(4, young)).isEqualTo(Duration.ofMinutes(4));
        assertThat(steps.retryDelay(10, young)).isEqualTo(Duration.ofMinutes(15));
        assertThat(steps.retryDelay(10, Duration.ofHours(5).plusMinutes(59))).isEqualTo(Duration.ofMinutes(15));
        assertThat(steps.retryDelay(10, old)).isEqualTo(Duration.ofHours(1));
        assertThat(steps.retryDelay(10_000, old)).isEqualTo(Duration.ofHours(1));
        assertThat(steps.retryDelay(2, old)).as("a short wait stays short").isEqualTo(Duration.ofMinutes(1));
    }
}
