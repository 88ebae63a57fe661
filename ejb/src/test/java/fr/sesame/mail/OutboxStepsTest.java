package fr.sesame.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxStepsTest {

    @Test
    void retriesWaitTwiceAsLongEachTimeButNeverMoreThanAnHour() {
        OutboxSteps steps = new OutboxSteps();
        steps.retryBaseSeconds = 30;

        assertThat(steps.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(steps.retryDelay(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(steps.retryDelay(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(steps.retryDelay(10)).isEqualTo(Duration.ofHours(1));
        assertThat(steps.retryDelay(10_000)).isEqualTo(Duration.ofHours(1));
    }
}
