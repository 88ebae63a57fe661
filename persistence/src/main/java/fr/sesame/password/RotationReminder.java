package fr.sesame.password;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * A renewal reminder that went out: for this agent, this password (identified by the moment it was
 * set) and this stage (days before expiry). The table's unique key makes it go out once.
 */
@Entity
@Table(name = "rotation_reminder")
public class RotationReminder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "identifiant", length = 64, nullable = false, updatable = false)
    private String identifiant;

    @Column(name = "cycle_started_at", nullable = false, updatable = false)
    private Instant cycleStartedAt;

    @Column(name = "stage_days", nullable = false, updatable = false)
    private int stageDays;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    /** The server of the farm whose sweep sent it (what ops read after a failover). */
    @Column(name = "sent_by", length = 64, updatable = false)
    private String sentBy;

    protected RotationReminder() {
        // for JPA
    }

    /** @param sentBy the server whose sweep sends it */
    public RotationReminder(String identifiant, Instant cycleStartedAt, int stageDays, Instant sentAt, String sentBy) {
        this.identifiant = Objects.requireNonNull(identifiant, "identifiant");
        this.cycleStartedAt = Objects.requireNonNull(cycleStartedAt, "cycleStartedAt");
        this.stageDays = stageDays;
        this.sentAt = Objects.requireNonNull(sentAt, "sentAt");
        this.sentBy = sentBy;
    }

    public String identifiant() {
        return identifiant;
    }

    public Instant cycleStartedAt() {
        return cycleStartedAt;
    }

    public int stageDays() {
        return stageDays;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
