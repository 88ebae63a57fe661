package fr.sesame.retention;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;

/** Runs the retention purge every night at 03:30, on a persistent timer (one server of a farm). */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionSchedule {

    @Inject
    RetentionPurge purge;

    @Inject
    Clock clock;

    @Schedule(hour = "3", minute = "30", persistent = true, info = "retention purge")
    void onTimer() {
        purge.run(clock.instant());
    }
}
