package fr.sesame.password;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalTime;
import java.util.logging.Logger;

/**
 * Runs the renewal reminder sweep every night at {@code sesame.password.sweep-time}, on a persistent
 * timer: it survives restarts, and on a farm sharing the database one server runs it.
 */
@Singleton
@Startup
public class RotationSchedule {

    private static final Logger LOG = Logger.getLogger(RotationSchedule.class.getName());
    private static final String TIMER_NAME = "password-renewal-sweep";

    @Resource
    TimerService timers;

    @Inject
    RotationSweeper sweeper;

    @Inject
    PasswordSettings settings;

    @Inject
    @ConfigProperty(name = "sesame.time-zone")
    String timeZone;

    @Inject
    Clock clock;

    /** Keeps the one timer at the configured time: a changed time replaces it, a restart keeps it. */
    @PostConstruct
    void schedule() {
        LocalTime at = settings.sweepTime();
        String wanted = TIMER_NAME + "@" + at + " " + timeZone;
        boolean present = false;
        for (Timer timer : timers.getTimers()) {
            Serializable info = timer.getInfo();
            if (wanted.equals(info) && !present) {
                present = true;
            } else if (info instanceof String name && name.startsWith(TIMER_NAME)) {
                timer.cancel();
            }
        }
        if (!present) {
            ScheduleExpression every = new ScheduleExpression()
                    .hour(at.getHour()).minute(at.getMinute()).second(0).timezone(timeZone);
            timers.createCalendarTimer(every, new TimerConfig(wanted, true));
            LOG.info(() -> "Password renewal sweep scheduled every day at " + at + " (" + timeZone + ")");
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void nightly(Timer timer) {
        sweeper.run(clock.instant());
    }
}
