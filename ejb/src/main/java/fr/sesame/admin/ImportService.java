package fr.sesame.admin;

import fr.sesame.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import fr.sesame.activation.ActivationSettings;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Imports of the HR assignments file: the file is stored, then a Jakarta Batch job invites its agents
 * in chunks, recording progress and rejected lines as it goes.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ImportService {

    static final String JOB = "import-affectations";
    static final String RUN_PARAMETER = "importRunId";
    /** A bigger file is refused at upload: the académie's file is a few megabytes. */
    public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    ActivationSettings settings;

    @Inject
    Clock clock;

    @Inject
    ImportService self;

    /**
     * Stores the file and starts its import; returns the run to follow.
     *
     * @throws ImportFileException when the file is empty, too big or not UTF-8 text
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long start(String fileName, byte[] content, String uploadedBy) throws ImportFileException {
        long runId = self.store(fileName, content, uploadedBy);
        Properties parameters = new Properties();
        parameters.setProperty(RUN_PARAMETER, Long.toString(runId));
        JobOperator operator = BatchRuntime.getJobOperator();
        operator.start(JOB, parameters);
        return runId;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long store(String fileName, byte[] content, String uploadedBy) throws ImportFileException {
        if (content == null || content.length == 0) {
            throw new ImportFileException(ImportFileException.Problem.EMPTY);
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new ImportFileException(ImportFileException.Problem.TOO_BIG);
        }
        int lines = 0;
        try (var all = reader().lines(new ByteArrayInputStream(content))) {
            for (AssignmentLine line : (Iterable<AssignmentLine>) all::iterator) {
                // A file in another encoding would be imported up to its first accent: refuse it whole.
                if (line instanceof AssignmentLine.Rejected rejected && rejected.reason() == RejectionReason.FILE_NOT_UTF8) {
                    throw new ImportFileException(ImportFileException.Problem.NOT_TEXT);
                }
                lines++;
            }
        } catch (java.io.UncheckedIOException e) {
            throw new ImportFileException(ImportFileException.Problem.NOT_TEXT);
        }
        if (lines == 0) {
            throw new ImportFileException(ImportFileException.Problem.EMPTY);
        }
        String name = fileName == null || fileName.isBlank() ? "affectations.csv" : fileName.strip();
        ImportRun run = new ImportRun(name.length() > 255 ? name.substring(0, 255) : name, content, lines, uploadedBy, clock.instant());
        em.persist(run);
        em.flush();
        audit.record(AuditEventType.IMPORT_STARTED, uploadedBy, null, "import " + run.id() + ", " + lines + " lines");
        return run.id();
    }

    /** The reader every import uses: the académie's domain is not a recovery address. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    /** For the batch job, which reads the file it was started with. */
    @PermitAll
    public AssignmentFileReader reader() {
        return new AssignmentFileReader(settings.mailDomain());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ImportRun> run(long runId) {
        return Optional.ofNullable(em.find(ImportRun.class, runId));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ImportRun> latestRuns(int max) {
        return em.createQuery("select r from ImportRun r order by r.uploadedAt desc, r.id desc", ImportRun.class)
                .setMaxResults(max)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ImportRejection> rejections(long runId) {
        return em.createQuery("select r from ImportRejection r where r.importRunId = :run order by r.lineNumber, r.id",
                        ImportRejection.class)
                .setParameter("run", runId)
                .getResultList();
    }
}
