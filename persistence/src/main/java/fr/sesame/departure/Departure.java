package fr.sesame.departure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent's assignment ends on {@link #endDate()}, their last day of service. The agent is told some
 * days before; the account closes the night after; it leaves Sésame's groups after the retention. A later
 * HR file may move the date or remove it while the account is still open.
 */
@Entity
@Table(name = "departure")
public class Departure {

    @Id
    @Column(name = "identifiant", length = 64, nullable = false, updatable = false)
    private String identifiant;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "import_run_id")
    private Long importRunId;

    @Column(name = "notice_sent_at")
    private Instant noticeSentAt;

    @Column(name = "departed_at")
    private Instant departedAt;

    @Column(name = "groups_left_at")
    private Instant groupsLeftAt;

    protected Departure() {
        // for JPA
    }

    public Departure(String identifiant, LocalDate endDate, Instant recordedAt, Long importRunId) {
        this.identifiant = Objects.requireNonNull(identifiant, "identifiant");
        this.endDate = Objects.requireNonNull(endDate, "endDate");
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
        this.importRunId = importRunId;
    }

    /**
     * A newer HR file gives another last day. The notice goes again for the new date if one went for the
     * old one.
     *
     * @return whether anything changed
     * @throws IllegalStateException once the account is closed: a departure done is not undone here
     */
    public boolean moveTo(LocalDate newEndDate, Instant now, Long runId) {
        Objects.requireNonNull(newEndDate, "newEndDate");
        if (departedAt != null) {
            throw new IllegalStateException("The account is already closed");
        }
        if (newEndDate.equals(endDate)) {
            return false;
        }
        endDate = newEndDate;
        recordedAt = now;
        importRunId = runId;
        noticeSentAt = null;
        return true;
    }

    public void noticeSent(Instant now) {
        noticeSentAt = now;
    }

    public void departed(Instant now) {
        departedAt = now;
    }

    public void groupsLeft(Instant now) {
        groupsLeftAt = now;
    }

    public boolean isDone() {
        return departedAt != null;
    }

    public String identifiant() {
        return identifiant;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public Optional<Long> importRunId() {
        return Optional.ofNullable(importRunId);
    }

    public Optional<Instant> noticeSentAt() {
        return Optional.ofNullable(noticeSentAt);
    }

    public Optional<Instant> departedAt() {
        return Optional.ofNullable(departedAt);
    }

    public Optional<Instant> groupsLeftAt() {
        return Optional.ofNullable(groupsLeftAt);
    }
}
