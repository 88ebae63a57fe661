package fr.sesame.metrics;

import fr.sesame.mail.DeliveryFailed;
import fr.sesame.security.AuditEventType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeriesTest {

    @Test
    void theLoginEventsCountAsTheirOutcome() {
        assertThat(Series.of(AuditEventType.LOGIN_SUCCEEDED)).contains(new Series(Counted.LOGINS, "success"));
        assertThat(Series.of(AuditEventType.LOGIN_FAILED)).contains(new Series(Counted.LOGINS, "failure"));
        assertThat(Series.of(AuditEventType.LOGIN_REFUSED_ACCOUNT_STATE)).contains(new Series(Counted.LOGINS, "refused"));
        assertThat(Series.of(AuditEventType.LOGIN_LOCKED_OUT)).contains(new Series(Counted.LOCKOUTS, null));
    }

    @Test
    void aPasswordAcceptedWaitingForItsCodeIsNotYetALogin() {
        assertThat(Series.of(AuditEventType.LOGIN_PASSWORD_ACCEPTED)).isEmpty();
        // Also written for a code refused in the account's settings: not a login.
        assertThat(Series.of(AuditEventType.SECOND_FACTOR_CODE_REFUSED)).isEmpty();
    }

    @Test
    void activationsAndResetRequestsAreCountedFromTheTrail() {
        assertThat(Series.of(AuditEventType.ACCOUNT_ACTIVATED)).contains(new Series(Counted.ACTIVATIONS, null));
        assertThat(Series.of(AuditEventType.PASSWORD_RESET_REQUESTED)).contains(new Series(Counted.RESET_REQUESTS, null));
    }

    @Test
    void remindersAndTicketsAreCountedFromTheirOwnEventsNotTwiceFromTheTrail() {
        assertThat(Series.of(AuditEventType.ROTATION_REMINDER_SENT)).isEmpty();
        assertThat(Series.of(AuditEventType.TICKET_OPENED)).isEmpty();
        assertThat(Series.of(AuditEventType.SECURITY_REPORTED)).isEmpty();
        assertThat(Series.reminder(7)).isEqualTo(new Series(Counted.REMINDERS, "7"));
        assertThat(Series.ticketOpened(2)).isEqualTo(new Series(Counted.TICKETS_OPENED, "2"));
        assertThat(Series.deliveryFailed(DeliveryFailed.Outcome.RETRY)).isEqualTo(new Series(Counted.DELIVERIES_FAILED, "retry"));
    }

    @Test
    void everyLineKnownAtStartIsThereOnceAtZero() {
        List<Series> atStart = Series.atStart(List.of(30, 7, 1));

        assertThat(atStart).doesNotHaveDuplicates().contains(
                new Series(Counted.LOGINS, "success"), new Series(Counted.LOGINS, "failure"), new Series(Counted.LOGINS, "refused"),
                new Series(Counted.LOCKOUTS, null), new Series(Counted.ACTIVATIONS, null), new Series(Counted.RESET_REQUESTS, null),
                Series.reminder(30), Series.reminder(7), Series.reminder(1), Series.ticketOpened(1), Series.ticketOpened(2),
                Series.deliveryFailed(DeliveryFailed.Outcome.RETRY), Series.deliveryFailed(DeliveryFailed.Outcome.REFUSED),
                Series.deliveryFailed(DeliveryFailed.Outcome.EXPIRED));
        assertThat(atStart).extracting(Series::counted).containsAll(Arrays.asList(Counted.values()));
    }

    @Test
    void aLineHasItsCountersLabelOrNone() {
        assertThatThrownBy(() -> new Series(Counted.LOGINS, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Series(Counted.ACTIVATIONS, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAndLabelsAreWhatPrometheusAcceptsAndEachSaysWhatItCounts() {
        for (Counted counted : Counted.values()) {
            assertThat(counted.metric()).as(counted.name()).matches("sesame(\\.[a-z]+)+");
            assertThat(counted.description()).as(counted.name()).isNotBlank();
            Optional.ofNullable(counted.label()).ifPresent(label ->
                    assertThat(label).as(counted.name()).matches("[a-z_]+").isNotIn("mp_scope", "mp_app"));
        }
        assertThat(Arrays.stream(Counted.values()).map(Counted::metric)).doesNotHaveDuplicates()
                .doesNotContain(EventCounters.SWEEP_DURATION);
    }
}
