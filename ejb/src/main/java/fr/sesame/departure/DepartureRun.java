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
        Outcome notices = each(ids("select d.identifiant from Departure d where d.departedAt is null and d.noticeSentAt is null"
                + " and d.endDate <= :day order by d.endDate, d.identifiant", noticeUntil), steps::sendNotice);
        Outcome closed = each(ids("select d.identifiant from Departure d where d.departedAt is null and d.endDate < :day"
                + " order by d.endDate, d.identifiant", today), steps::close);
        Outcome left = each(ids("select d.identifiant from Departure d where d.departedAt is not null"
                + " and d.groupsLeftAt is null and d.endDate < :day order by d.endDate, d.identifiant", groupsBefore),
                steps::leaveGroups);
        Report report = new Report(notices.done(), closed.done(), left.done(),
                notices.stopped() || closed.stopped() || left.stopped());
        if (report.directoryDown()) {
            LOG.warning(() -> "departures of " + today + " stopped early (the directory refused or did not answer): " + report
                    + "; the next run does what is left");
        } else {
            LOG.info(() -> "departures of " + today + ": " + report);
        }
        return report;
    }

    private record Outcome(int done, boolean stopped) {
    }

    private List<String> ids(String query, LocalDate day) {
        return em.createQuery(query, String.class).setParameter("day", day).getResultList();
    }

    /** Each step in turn; the first the directory fails stops this kind of step (the others still run). */
    private static Outcome each(List<String> identifiants, Predicate<String> step) {
        int done = 0;
        for (String identifiant : identifiants) {
            try {
                if (step.test(identifiant)) {
                    done++;
                }
            } catch (DirectoryUnavailableException e) {
                LOG.log(Level.WARNING, "departure step stopped at " + identifiant, e);
                return new Outcome(done, true);
            }
        }
        return new Outcome(done, false);
    }
}
