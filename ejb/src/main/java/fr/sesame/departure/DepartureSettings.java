package fr.sesame.departure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** When the agent is told and when a closed account leaves the groups ({@code sesame.departure.*}). */
@ApplicationScoped
public class DepartureSettings {

    @Inject
    @ConfigProperty(name = "sesame.departure.notice-days")
    int noticeDays;

    @Inject
    @ConfigProperty(name = "sesame.departure.group-retention-days")
    int groupRetentionDays;

    @Inject
    @ConfigProperty(name = "sesame.time-zone")
    String timeZone;

    /** Days before the last day of service when the notice leaves (0: on the last day). */
    public int noticeDays() {
        return Math.max(0, noticeDays);
    }

    /** Days after the last day of service when the closed account leaves Sésame's groups. */
    public int groupRetentionDays() {
        return Math.max(0, groupRetentionDays);
    }

    /** Today in the académie. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZoneId.of(timeZone)));
    }
}
