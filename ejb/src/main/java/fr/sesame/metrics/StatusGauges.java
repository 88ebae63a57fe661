package fr.sesame.metrics;

import fr.sesame.admin.ServiceStatus;
import fr.sesame.mail.Outbox;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gauges of {@code /metrics}: the outbox's queue and the directory's answer. A timer of each server reads
 * them every {@code sesame.metrics.refresh-seconds} (the outbox with the hotline's indexed count, the directory
 * with the readiness check's ping) and the gauges show that reading: however often Prometheus scrapes, the
 * database and the directory are asked once in that time, and a scrape, which runs in Liberty's thread rather
 * than the application's, never calls a service.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StatusGauges {

    private static final Logger LOG = Logger.getLogger(StatusGauges.class.getName());

    @Inject
    MetricRegistry registry;

    @Inject
    Outbox outbox;

    @Inject
    ServiceStatus status;

    @Inject
    Clock clock;

    @Inject
    EventCounters counters;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "sesame.metrics.refresh-seconds")
    long refreshSeconds;

    private volatile StatusReading reading = StatusReading.UNKNOWN;

    @PostConstruct
    void start() {
        gauge("sesame.outbox.queued.messages", MetricUnits.NONE,
                "Messages waiting for the mail relay or the SMS gateway: queued or in a courier's hands, due or already tried"
                        + " (a message planned for later is not counted); the same on every member of a farm",
                StatusReading::queued);
        gauge("sesame.outbox.retrying.messages", MetricUnits.NONE,
                "Of the messages waiting, those after at least one failed attempt", StatusReading::retrying);
        gauge("sesame.outbox.oldest.queued.age.seconds", MetricUnits.SECONDS,
                "How long the oldest waiting message has waited (0 when none waits)", StatusReading::oldestAgeSeconds);
        gauge("sesame.directory.up", MetricUnits.NONE,
                "1 when the directory answered this server's last check (the readiness check's ping), 0 when it did not",
                StatusReading::directoryUp);
        long seconds = Math.max(1, refreshSeconds);
        timers.createIntervalTimer(seconds * 1000, seconds * 1000, new TimerConfig("ops metrics", false));
        // Asking for the counters here registers them at start, at zero.
        int lines = counters.lines();
        LOG.info(() -> "Ops metrics on /metrics: " + lines + " counter lines, 4 gauges read every " + seconds + " s");
    }

    @Timeout
    void refresh() {
        Instant now = clock.instant();
        Optional<Outbox.Waiting> waiting;
        try {
            waiting = Optional.of(outbox.waitingForOps(now));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The outbox could not be read for the metrics", e);
            waiting = Optional.empty();
        }
        boolean directoryUp;
        try {
            directoryUp = status.directory().up();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The directory could not be checked for the metrics", e);
            directoryUp = false;
        }
        reading = StatusReading.of(waiting, directoryUp, now);
    }

    private void gauge(String name, String unit, String description, ToDoubleFunction<StatusReading> figure) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).withUnit(unit).build(),
                () -> figure.applyAsDouble(reading));
    }
}
