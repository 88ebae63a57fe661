package fr.sesame.metrics;

import fr.sesame.mail.DeliveryFailed;
import fr.sesame.password.PasswordSettings;
import fr.sesame.password.ReminderSent;
import fr.sesame.password.SweepReport;
import fr.sesame.security.AuditRecorded;
import fr.sesame.support.TicketOpened;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place Sésame counts what happened, for {@code /metrics}. Most counts come from the audit trail, the
 * others from the events of the reminders, the tickets and the courier; all are observed after their
 * transaction committed, so that what was rolled back (a batch of reminders that met another sweep, a login
 * whose trail could not be linked) counts nothing.
 */
@ApplicationScoped
public class EventCounters {

    /** Micrometer adds the unit: {@code sesame_rotation_sweep_duration_seconds_count}, {@code _sum}, {@code _max}. */
    static final String SWEEP_DURATION = "sesame.rotation.sweep.duration";

    @Inject
    MetricRegistry registry;

    @Inject
    PasswordSettings passwords;

    private final Map<Series, Counter> counters = new ConcurrentHashMap<>();
    private Timer sweeps;

    @PostConstruct
    void registerAtZero() {
        Series.atStart(passwords.reminderStages()).forEach(this::counter);
        sweeps = registry.timer(Metadata.builder().withName(SWEEP_DURATION)
                .withDescription("Password renewal sweeps run by this server (the nightly timer, or an administrator's"
                        + " \"run now\"), and how long each took")
                .withUnit(MetricUnits.SECONDS).build());
    }

    /** How many counter lines this server shows (every one known at start, and any met since). */
    public int lines() {
        return counters.size();
    }

    void audited(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditRecorded event) {
        Series.of(event.type()).ifPresent(series -> counter(series).inc());
    }

    void reminded(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReminderSent event) {
        counter(Series.reminder(event.stageDays())).inc();
    }

    void opened(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketOpened event) {
        counter(Series.ticketOpened(event.level())).inc();
    }

    void failed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryFailed event) {
        counter(Series.deliveryFailed(event.outcome())).inc();
    }

    /** The sweep runs outside any transaction: it is told at once, when its report is written. */
    void swept(@Observes SweepReport report) {
        sweeps.update(report.took());
    }

    private Counter counter(Series series) {
        return counters.computeIfAbsent(series, this::register);
    }

    private Counter register(Series series) {
        Counted counted = series.counted();
        Metadata metadata = Metadata.builder().withName(counted.metric()).withDescription(counted.description()).build();
        return counted.label() == null
                ? registry.counter(metadata)
                : registry.counter(metadata, new Tag(counted.label(), series.value()));
    }
}
