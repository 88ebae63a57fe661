package fr.sesame.secondfactor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's authenticator app: its secret, sealed, and the last time step a code was accepted at.
 * Enrolment in progress until a first code confirms it.
 */
@Entity
@Table(name = "second_factor")
public class SecondFactor {

    @Id
    @Column(name = "identifiant", length = 64, nullable = false, updatable = false)
    private String identifiant;

    @Column(name = "sealed_secret", length = 200, nullable = false, updatable = false)
    private String sealedSecret;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "last_step", nullable = false)
    private long lastStep;

    protected SecondFactor() {
        // for JPA
    }

    public SecondFactor(String identifiant, String sealedSecret, Instant createdAt) {
        this.identifiant = Objects.requireNonNull(identifiant, "identifiant");
        this.sealedSecret = Objects.requireNonNull(sealedSecret, "sealedSecret");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public String identifiant() {
        return identifiant;
    }

    public String sealedSecret() {
        return sealedSecret;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    public long lastStep() {
        return lastStep;
    }
}
