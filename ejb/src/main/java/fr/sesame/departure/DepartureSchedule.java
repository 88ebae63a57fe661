package fr.sesame.departure;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * Runs the departures every night at 00:45, on a persistent timer (one server of a farm): an account
 * whose last day was yesterday closes before the morning.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DepartureSchedule {

    @Inject
    DepartureRun run;

    @Inject
    DepartureSettings settings;

    @Inject
    Clock clock;

    @Schedule(hour = "0", minute = "45", persistent = true, info = "departures")
    void onTimer() {
        run.run(settings.today(clock));
    }
}
