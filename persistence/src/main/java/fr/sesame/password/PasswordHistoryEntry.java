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
 * One of an agent's recent passwords, as a salted PBKDF2 hash: enough to refuse it again, never
 * enough to log in. Its date is also Sésame's own record of the last change.
 */
@Entity
@Table(name = "password_history")
public class PasswordHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "identifiant", length = 64, nullable = false, updatable = false)
    private String identifiant;

    @Column(name = "hash", length = 200, nullable = false, updatable = false)
    private String hash;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    protected PasswordHistoryEntry() {
        // for JPA
    }

    public PasswordHistoryEntry(String identifiant, String hash, Instant changedAt) {
        this.identifiant = Objects.requireNonNull(identifiant, "identifiant");
        this.hash = Objects.requireNonNull(hash, "hash");
        this.changedAt = Objects.requireNonNull(changedAt, "changedAt");
    }

    public String identifiant() {
        return identifiant;
    }

    public String hash() {
        return hash;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
