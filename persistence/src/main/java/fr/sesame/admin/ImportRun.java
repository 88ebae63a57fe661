package fr.sesame.admin;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One upload of a file to import (the HR assignments file or the national directory of schools, its
 * {@link ImportKind}) and what its import did. The file is kept in the database so that any server of
 * the farm can run (or resume) the batch job.
 */
@Entity
@Table(name = "import_run")
public class ImportRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 12, nullable = false, updatable = false)
    private ImportKind kind;

    @Column(name = "file_name", length = 255, nullable = false, updatable = false)
    private String fileName;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false, updatable = false)
    private byte[] content;

    @Column(name = "uploaded_by", length = 64, nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private ImportStatus status;

    @Column(name = "total_lines", nullable = false, updatable = false)
    private int totalLines;

    @Column(name = "processed_lines", nullable = false)
    private int processedLines;

    /** Assignments: agents invited. */
    @Column(name = "invited", nullable = false)
    private int invited;

    @Column(name = "unchanged", nullable = false)
    private int unchanged;

    @Column(name = "rejected", nullable = false)
    private int rejected;

    /** Assignments: departures recorded, moved or cancelled. */
    @Column(name = "departures", nullable = false)
    private int departures;

    /** Schools: établissements new to Sésame. */
    @Column(name = "created", nullable = false)
    private int created;

    /** Schools: établissements whose name, kind or city changed. */
    @Column(name = "updated", nullable = false)
    private int updated;

    /** Schools: lines of another académie, left out on purpose (neither imported nor reported). */
    @Column(name = "outside_academie", nullable = false)
    private int outsideAcademie;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    protected ImportRun() {
        // for JPA
    }

    public ImportRun(ImportKind kind, String fileName, byte[] content, int totalLines, String uploadedBy, Instant uploadedAt) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.content = Objects.requireNonNull(content, "content").clone();
        this.totalLines = totalLines;
        this.uploadedBy = Objects.requireNonNull(uploadedBy, "uploadedBy");
        this.uploadedAt = Objects.requireNonNull(uploadedAt, "uploadedAt");
        this.status = ImportStatus.QUEUED;
    }

    public void started(long jobExecutionId, Instant now) {
        this.jobExecutionId = jobExecutionId;
        if (startedAt == null) {
            startedAt = now;
        }
        status = ImportStatus.RUNNING;
    }

    /** A chunk of lines of the assignments file was handled. */
    public void progressed(int lines, int newlyInvited, int leftUnchanged, int newlyRejected) {
        processedLines += lines;
        invited += newlyInvited;
        unchanged += leftUnchanged;
        rejected += newlyRejected;
    }

    /** Departures the chunk recorded, moved or cancelled (their lines are counted above too). */
    public void departuresRecorded(int count) {
        departures += count;
    }

    /** A chunk of lines of the schools file was handled; {@code leftUnchanged} are known établissements as they were. */
    public void schoolsProgressed(int lines, int newlyCreated, int newlyUpdated, int leftUnchanged, int outside,
            int newlyRejected) {
        processedLines += lines;
        created += newlyCreated;
        updated += newlyUpdated;
        unchanged += leftUnchanged;
        outsideAcademie += outside;
        rejected += newlyRejected;
    }

    public void finished(boolean completed, Instant now) {
        status = completed ? ImportStatus.COMPLETED : ImportStatus.FAILED;
        finishedAt = now;
    }

    public boolean isFinished() {
        return status == ImportStatus.COMPLETED || status == ImportStatus.FAILED;
    }

    public Long id() {
        return id;
    }

    public ImportKind kind() {
        return kind;
    }

    public String fileName() {
        return fileName;
    }

    public byte[] content() {
        return content.clone();
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public ImportStatus status() {
        return status;
    }

    public int totalLines() {
        return totalLines;
    }

    public int processedLines() {
        return processedLines;
    }

    public int invited() {
        return invited;
    }

    public int unchanged() {
        return unchanged;
    }

    public int rejected() {
        return rejected;
    }

    public int departures() {
        return departures;
    }

    public int created() {
        return created;
    }

    public int updated() {
        return updated;
    }

    public int outsideAcademie() {
        return outsideAcademie;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Long jobExecutionId() {
        return jobExecutionId;
    }
}
