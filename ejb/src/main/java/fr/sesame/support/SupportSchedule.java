package fr.sesame.support;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;

/** Runs the support deadlines every quarter of an hour, on a persistent timer (one server of a farm). */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SupportSchedule {

    @Inject
    SupportSweep sweep;

    @Inject
    Clock clock;

    @Schedule(minute = "*/15", hour = "*", persistent = true, info = "support deadlines")
    void onTimer() {
        sweep.run(clock.instant());
    }
}
