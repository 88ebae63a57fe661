package fr.sesame.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Objects;

/**
 * A line of an import that was not turned into an invitation, with why, for the downloadable
 * report. {@code reason} is a bundle key; {@code detail} never holds a full NUMEN.
 */
@Entity
@Table(name = "import_rejection")
public class ImportRejection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "import_run_id", nullable = false, updatable = false)
    private Long importRunId;

    @Column(name = "line_number", nullable = false, updatable = false)
    private int lineNumber;

    @Column(name = "reason", length = 60, nullable = false, updatable = false)
    private String reason;

    @Column(name = "detail", length = 120, updatable = false)
    private String detail;

    protected ImportRejection() {
        // for JPA
    }

    public ImportRejection(Long importRunId, int lineNumber, String reason, String detail) {
        this.importRunId = Objects.requireNonNull(importRunId, "importRunId");
        this.lineNumber = lineNumber;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 120));
    }

    public int lineNumber() {
        return lineNumber;
    }

    public String reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
