package fr.sesame.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.ZoneId;

/**
 * How far back (and ahead) the dashboard looks, from configuration ({@code sesame.dashboard.*}): bounded
 * periods keep each count on an index range.
 */
@ApplicationScoped
public class DashboardSettings {

    @Inject
    @ConfigProperty(name = "sesame.dashboard.weeks")
    int weeks;

    @Inject
    @ConfigProperty(name = "sesame.dashboard.days")
    int days;

    @Inject
    @ConfigProperty(name = "sesame.dashboard.failure-days")
    int failureDays;

    @Inject
    @ConfigProperty(name = "sesame.time-zone")
    String timeZone;

    public DashboardSettings() {
        // for CDI
    }

    /** For tests. */
    public DashboardSettings(int weeks, int days, int failureDays, String timeZone) {
        this.weeks = weeks;
        this.days = days;
        this.failureDays = failureDays;
        this.timeZone = timeZone;
    }

    /** Weeks of activations and tickets, this one included (1 to 104). */
    public int weeks() {
        return Math.max(1, Math.min(104, weeks));
    }

    /** Days of lock-outs, today included, and days ahead for passwords that expire (1 to 366). */
    public int days() {
        return Math.max(1, Math.min(366, days));
    }

    /** Days of outbox failures, today included (1 to 90: the outbox keeps them 90 days). */
    public int failureDays() {
        return Math.max(1, Math.min(90, failureDays));
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
