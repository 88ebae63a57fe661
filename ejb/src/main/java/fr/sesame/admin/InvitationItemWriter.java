package fr.sesame.admin;

import fr.sesame.activation.InvitationOutcome;
import fr.sesame.activation.InvitationService;
import fr.sesame.school.SchoolCatalog;
import fr.sesame.school.Uai;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Set;

/**
 * Turns each accepted line into an invitation and each refused line into a line of the report, then
 * records the chunk's progress, all in the chunk's transaction. A line whose UAI is no établissement
 * Sésame knows is refused here ({@link RejectionReason#UNKNOWN_SCHOOL}): the reader does not see the
 * database.
 */
@Dependent
@Named("invitationWriter")
public class InvitationItemWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty(name = ImportService.RUN_PARAMETER)
    String importRunId;

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    InvitationService invitations;

    @Inject
    SchoolCatalog schools;

    @Override
    public void writeItems(List<Object> items) {
        Long runId = Long.valueOf(importRunId);
        List<Object> checked = withKnownSchools(items, schools.knownAmong(items.stream()
                .filter(AssignmentLine.Accepted.class::isInstance)
                .map(item -> ((AssignmentLine.Accepted) item).assignment().uai()).toList()));
        List<AssignmentLine.Accepted> accepted = checked.stream()
                .filter(AssignmentLine.Accepted.class::isInstance).map(AssignmentLine.Accepted.class::cast).toList();
        // The chunk's accepted lines together: the directory is asked once for all of them.
        InvitationService.Chunk chunk = invitations.inviteAll(accepted.stream().map(AssignmentLine.Accepted::assignment).toList(), runId);
        List<InvitationOutcome> outcomes = chunk.outcomes();
        int invited = 0;
        int unchanged = 0;
        int rejected = 0;
        for (Object item : checked) {
            if (item instanceof AssignmentLine.Rejected refusal) {
                em.persist(new ImportRejection(runId, refusal.lineNumber(), refusal.reason().bundleKey(), refusal.detail()));
                rejected++;
            }
        }
        for (int i = 0; i < accepted.size(); i++) {
            switch (outcomes.get(i)) {
                case INVITED -> invited++;
                case ALREADY_INVITED, DEPARTURE_RECORDED -> unchanged++;
                default -> {
                    // Reported with the masked NUMEN: the HR officer finds the line, nobody reads the number.
                    AssignmentLine.Accepted line = accepted.get(i);
                    em.persist(new ImportRejection(runId, line.lineNumber(), "import.outcome." + outcomes.get(i).name(),
                            line.assignment().numen().masked()));
                    rejected++;
                }
            }
        }
        ImportRun run = em.find(ImportRun.class, runId);
        run.progressed(items.size(), invited, unchanged, rejected);
        run.departuresRecorded(chunk.departures());
    }

    /** The chunk's lines, an accepted one whose UAI is not among {@code known} turned into its refusal. */
    static List<Object> withKnownSchools(List<Object> items, Set<Uai> known) {
        return items.stream().map(item -> item instanceof AssignmentLine.Accepted line && !known.contains(line.assignment().uai())
                ? new AssignmentLine.Rejected(line.lineNumber(), RejectionReason.UNKNOWN_SCHOOL, line.assignment().uai().value())
                : item).toList();
    }
}
