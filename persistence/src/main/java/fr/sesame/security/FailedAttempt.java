package fr.sesame.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One failed attempt at something guarded (a NUMEN, a one-time code…), counted per subject: an
 * identifiant or a client address, stored as a hash. Counting in the database keeps the limit
 * right on a farm of servers.
 */
@Entity
@Table(name = "failed_attempt")
public class FailedAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subject_hash", length = 64, nullable = false, updatable = false)
    private String subjectHash;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected FailedAttempt() {
        // for JPA
    }

    public FailedAttempt(String subjectHash, Instant occurredAt) {
        this.subjectHash = Objects.requireNonNull(subjectHash, "subjectHash");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
