package fr.sesame.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * The instant before which an agent's portal sessions no longer count: set when the account is
 * locked or its password changes, read on every request by every server.
 */
@Entity
@Table(name = "session_cutoff")
public class SessionCutoff {

    @Id
    @Column(name = "identifiant", length = 64, nullable = false, updatable = false)
    private String identifiant;

    @Column(name = "valid_after", nullable = false)
    private Instant validAfter;

    protected SessionCutoff() {
        // for JPA
    }

    public SessionCutoff(String identifiant, Instant validAfter) {
        this.identifiant = Objects.requireNonNull(identifiant, "identifiant");
        this.validAfter = Objects.requireNonNull(validAfter, "validAfter");
    }

    /** Sessions opened before {@code instant} end; a later cutoff never moves back. */
    public void endSessionsBefore(Instant instant) {
        if (instant.isAfter(validAfter)) {
            validAfter = instant;
        }
    }

    public Instant validAfter() {
        return validAfter;
    }
}
