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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Imports of a file, of either kind: the HR assignments file (a Jakarta Batch job invites its agents) or
 * the national directory of schools (a job records the académie's établissements). The file is stored,
 * then its job reads it in chunks, recording progress and rejected lines as it goes, the same way for both.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ImportService {

    static final String RUN_PARAMETER = "importRunId";
    /** A bigger file is refused at upload: the académie's file is a few megabytes. */
    public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    ActivationSettings settings;

    /** The académie whose établissements the national directory's lines are kept for ({@code 20}: Amiens). */
    @Inject
    @ConfigProperty(name = "sesame.academie.code")
    String academieCode;

    @Inject
    Clock clock;

    @Inject
    ImportService self;

    /**
     * Stores the file and starts its import; returns the run to follow.
     *
     * @throws ImportFileException when the file is empty, too big, not UTF-8 text, or (schools) not the
     *                             national directory's export
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long start(ImportKind kind, String fileName, byte[] content, String uploadedBy) throws ImportFileException {
        long runId = self.store(kind, fileName, content, uploadedBy);
        Properties parameters = new Properties();
        parameters.setProperty(RUN_PARAMETER, Long.toString(runId));
        JobOperator operator = BatchRuntime.getJobOperator();
        operator.start(job(kind), parameters);
        return runId;
    }

    /** The Jakarta Batch job of each kind of file (META-INF/batch-jobs). */
    static String job(ImportKind kind) {
        return switch (kind) {
            case ASSIGNMENTS -> "import-affectations";
            case SCHOOLS -> "import-etablissements";
        };
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long store(ImportKind kind, String fileName, byte[] content, String uploadedBy) throws ImportFileException {
        if (content == null || content.length == 0) {
            throw new ImportFileException(ImportFileException.Problem.EMPTY);
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new ImportFileException(ImportFileException.Problem.TOO_BIG);
        }
        int lines;
        try {
            lines = kind == ImportKind.SCHOOLS ? schoolLines(content) : assignmentLines(content);
        } catch (java.io.UncheckedIOException e) {
            throw new ImportFileException(ImportFileException.Problem.NOT_TEXT);
        }
        if (lines == 0) {
            throw new ImportFileException(ImportFileException.Problem.EMPTY);
        }
        String name = fileName == null || fileName.isBlank() ? defaultName(kind) : fileName.strip();
        ImportRun run = new ImportRun(kind, name.length() > 255 ? name.substring(0, 255) : name, content, lines, uploadedBy,
                clock.instant());
        em.persist(run);
        em.flush();
        audit.record(AuditEventType.IMPORT_STARTED, uploadedBy, null, "import " + run.id()
                + (kind == ImportKind.SCHOOLS ? " of schools" : "") + ", " + lines + " lines");
        return run.id();
    }

    private int assignmentLines(byte[] content) throws ImportFileException {
        int lines = 0;
        try (var all = reader().lines(new ByteArrayInputStream(content))) {
            for (AssignmentLine line : (Iterable<AssignmentLine>) all::iterator) {
                // A file in another encoding would be imported up to its first accent: refuse it whole.
                if (line instanceof AssignmentLine.Rejected rejected && rejected.reason() == RejectionReason.FILE_NOT_UTF8) {
                    throw new ImportFileException(ImportFileException.Problem.NOT_TEXT);
                }
                lines++;
            }
        }
        return lines;
    }

    private int schoolLines(byte[] content) throws ImportFileException {
        int lines = 0;
        try (var all = schoolReader().lines(new ByteArrayInputStream(content))) {
            for (SchoolLine line : (Iterable<SchoolLine>) all::iterator) {
                if (line instanceof SchoolLine.Rejected rejected) {
                    if (rejected.reason() == SchoolRejectionReason.FILE_NOT_UTF8) {
                        throw new ImportFileException(ImportFileException.Problem.NOT_TEXT);
                    }
                    if (rejected.reason() == SchoolRejectionReason.NOT_SCHOOL_DIRECTORY) {
                        throw new ImportFileException(ImportFileException.Problem.NOT_SCHOOL_DIRECTORY);
                    }
                }
                lines++;
            }
        }
        return lines;
    }

    private static String defaultName(ImportKind kind) {
        return kind == ImportKind.SCHOOLS ? "etablissements.csv" : "affectations.csv";
    }

    /** The reader every import uses: the académie's domain is not a recovery address. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    /** For the batch job, which reads the file it was started with. */
    @PermitAll
    public AssignmentFileReader reader() {
        return new AssignmentFileReader(settings.mailDomain());
    }

    /** The reader of the national directory of schools: the académie's lines only. For the batch job too. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @PermitAll
    public SchoolFileReader schoolReader() {
        return new SchoolFileReader(academieCode);
    }

    /** The académie code the national directory's lines are compared with ({@code sesame.academie.code}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String academieCode() {
        return academieCode.strip();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ImportRun> run(long runId) {
        return Optional.ofNullable(em.find(ImportRun.class, runId));
    }

    /** The latest imports of one kind of file, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ImportRun> latestRuns(ImportKind kind, int max) {
        return em.createQuery("select r from ImportRun r where r.kind = :kind order by r.uploadedAt desc, r.id desc",
                        ImportRun.class)
                .setParameter("kind", kind)
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
