package fr.sesame.support;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One pass over the deadlines at a given moment: overdue tickets go up a level, tickets resolved
 * longer than the reopening window ago close. The moment is a parameter, so the timer, tests and
 * administrators can run it at any.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SupportSweep {

    private static final Logger LOG = Logger.getLogger(SupportSweep.class.getName());
    /** Batches per run at most: what is left waits for the next run. */
    private static final int MAX_ROUNDS = 50;

    @Inject
    SupportDeadlines deadlines;

    /** What a run did. */
    public record Run(int escalated, int closed) {
    }

    public Run run(Instant now) {
        int escalated = 0;
        for (int round = 0, done = -1; round < MAX_ROUNDS && done != 0; round++) {
            done = each(deadlines.overdue(now), id -> deadlines.escalateIfOverdue(id, now));
            escalated += done;
        }
        int closed = 0;
        for (int round = 0, done = -1; round < MAX_ROUNDS && done != 0; round++) {
            done = each(deadlines.toClose(now), id -> deadlines.closeIfStillResolved(id, now));
            closed += done;
        }
        Run run = new Run(escalated, closed);
        if (escalated + closed > 0) {
            LOG.info(() -> "Support deadlines: " + run);
        }
        return run;
    }

    private interface Step {
        boolean apply(Long id);
    }

    private static int each(List<Long> ids, Step step) {
        int done = 0;
        for (Long id : ids) {
            try {
                if (step.apply(id)) {
                    done++;
                }
            } catch (EJBException e) {
                // Changed meanwhile (a person acted, another server ran): the next run looks again.
                LOG.log(Level.WARNING, "Ticket {0} left for the next run: {1}", new Object[] {id, e.getMessage()});
            }
        }
        return done;
    }
}
