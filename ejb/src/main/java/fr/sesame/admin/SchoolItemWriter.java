package fr.sesame.admin;

import fr.sesame.school.SchoolCatalog;
import fr.sesame.school.SchoolOutcome;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Records each accepted établissement in the catalog and each refused line as a line of the report, then
 * the chunk's progress, all in the chunk's transaction.
 */
@Dependent
@Named("schoolWriter")
public class SchoolItemWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty(name = ImportService.RUN_PARAMETER)
    String importRunId;

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    SchoolCatalog schools;

    @Override
    public void writeItems(List<Object> items) {
        Long runId = Long.valueOf(importRunId);
        List<SchoolLine.Accepted> accepted = items.stream()
                .filter(SchoolLine.Accepted.class::isInstance).map(SchoolLine.Accepted.class::cast).toList();
        List<SchoolOutcome> outcomes = schools.record(accepted.stream().map(SchoolLine.Accepted::school).toList());
        int outside = 0;
        int rejected = 0;
        for (Object item : items) {
            if (item instanceof SchoolLine.Rejected refusal) {
                em.persist(new ImportRejection(runId, refusal.lineNumber(), refusal.reason().bundleKey(), refusal.detail()));
                rejected++;
            } else if (item instanceof SchoolLine.OutsideAcademie) {
                outside++;
            }
        }
        ImportRun run = em.find(ImportRun.class, runId);
        run.schoolsProgressed(items.size(), count(outcomes, SchoolOutcome.CREATED), count(outcomes, SchoolOutcome.UPDATED),
                count(outcomes, SchoolOutcome.UNCHANGED), outside, rejected);
    }

    private static int count(List<SchoolOutcome> outcomes, SchoolOutcome outcome) {
        return (int) outcomes.stream().filter(outcome::equals).count();
    }
}
