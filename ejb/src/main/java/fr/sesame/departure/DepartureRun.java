package fr.sesame.departure;

import fr.sesame.directory.DirectoryUnavailableException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The nightly departures run for one day of the académie: the notices whose day has come, then the
 * accounts whose last day is over, then the closed accounts past the retention. Each agent's step commits
 * on its own; when the directory is down the run stops and the next night does what is left.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DepartureRun {

    private static final Logger LOG = Logger.getLogger(DepartureRun.class.getName());

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    DepartureSteps steps;

    @Inject
    DepartureSettings settings;

    /** What one run did. */
    public record Report(int noticesSent, int accountsClosed, int groupsLeft, boolean directoryDown) {
    }

    /**
     * @param today the académie's day the run is for: an account closes when its last day is before it
     */
    @PermitAll
    public Report run(LocalDate today) {
        LocalDate noticeUntil = today.plusDays(settings.noticeDays());
        LocalDate groupsBefore = today.minusDays(settings.groupRetentionDays());
        try {
            int notices = each(ids("select d.identifiant from Departure d where d.departedAt is null and d.noticeSentAt is null"
                    + " and d.endDate <= :day order by d.endDate, d.identifiant", noticeUntil), steps::sendNotice);
            int closed = each(ids("select d.identifiant from Departure d where d.departedAt is null and d.endDate < :day"
                    + " order by d.endDate, d.identifiant", today), steps::close);
            int left = each(ids("select d.identifiant from Departure d where d.departedAt is not null"
                    + " and d.groupsLeftAt is null and d.endDate < :day order by d.endDate, d.identifiant", groupsBefore),
                    steps::leaveGroups);
            Report report = new Report(notices, closed, left, false);
            LOG.info(() -> "departures of " + today + ": " + report);
            return report;
        } catch (DirectoryUnavailableException e) {
            LOG.log(Level.WARNING, "departures of " + today + " stopped: the directory is unavailable; the next run goes on", e);
            return new Report(0, 0, 0, true);
        }
    }

    private List<String> ids(String query, LocalDate day) {
        return em.createQuery(query, String.class).setParameter("day", day).getResultList();
    }

    private static int each(List<String> identifiants, Predicate<String> step) {
        int done = 0;
        for (String identifiant : identifiants) {
            if (step.test(identifiant)) {
                done++;
            }
        }
        return done;
    }
}
