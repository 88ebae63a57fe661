package fr.sesame.admin;

import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;

/** The start and end of an import's job (of either kind), each in its own transaction (a job listener has none). */
@Stateless
public class ImportRunUpdates {

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public void started(long runId, long jobExecutionId) {
        ImportRun run = em.find(ImportRun.class, runId);
        if (run != null && !run.isFinished()) {
            run.started(jobExecutionId, clock.instant());
        }
    }

    public void finished(long runId, boolean completed) {
        ImportRun run = em.find(ImportRun.class, runId);
        if (run == null) {
            return;
        }
        run.finished(completed, clock.instant());
        String counts = run.kind() == ImportKind.SCHOOLS
                ? run.created() + " created, " + run.updated() + " updated, " + run.unchanged() + " unchanged, "
                        + run.outsideAcademie() + " of another académie, " + run.rejected() + " rejected"
                : run.invited() + " invited, " + run.unchanged() + " unchanged, " + run.rejected() + " rejected";
        audit.record(AuditEventType.IMPORT_FINISHED, run.uploadedBy(), null, "import " + runId
                + (run.kind() == ImportKind.SCHOOLS ? " of schools" : "") + ": " + (completed ? "completed" : "failed") + ", " + counts);
    }
}
