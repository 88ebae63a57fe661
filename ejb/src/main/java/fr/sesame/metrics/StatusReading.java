package fr.sesame.metrics;

import fr.sesame.mail.Outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the gauges show until the next refresh. A figure that could not be read is NaN, which Prometheus keeps
 * apart from zero: an alert on the outbox's age does not fire, nor stop firing, on a database it cannot read.
 *
 * @param queued           messages waiting for the relay or the gateway (queued or in a courier's hands, due or tried)
 * @param retrying         of which after at least one failed attempt
 * @param oldestAgeSeconds how long the oldest of them has waited; 0 when none waits
 * @param directoryUp      1 when the directory answered, 0 when it did not
 */
record StatusReading(double queued, double retrying, double oldestAgeSeconds, double directoryUp) {

    /** Before the first refresh. */
    static final StatusReading UNKNOWN = new StatusReading(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /**
     * @param waiting the outbox's figures, or empty when the database could not be read
     */
    static StatusReading of(Optional<Outbox.Waiting> waiting, boolean directoryUp, Instant now) {
        double up = directoryUp ? 1 : 0;
        if (waiting.isEmpty()) {
            return new StatusReading(Double.NaN, Double.NaN, Double.NaN, up);
        }
        Outbox.Waiting figures = waiting.get();
        double age = figures.oldest()
                .map(oldest -> Math.max(0, Duration.between(oldest, now).toMillis()) / 1000.0)
                .orElse(0.0);
        return new StatusReading(figures.count(), figures.retrying(), age, up);
    }
}
