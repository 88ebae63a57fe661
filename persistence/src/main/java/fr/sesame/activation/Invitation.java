package fr.sesame.activation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * The invitation a new agent receives: the activation link carries a random token, of which only the
 * SHA-256 hash is kept here. A newer invitation replaces the older one; activation uses it up.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "identifiant", length = 64, nullable = false, updatable = false)
    private String identifiant;

    @Column(name = "token_hash", length = 64, nullable = false, unique = true, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "import_run_id", updatable = false)
    private Long importRunId;

    protected Invitation() {
        // for JPA
    }

    public Invitation(String identifiant, String tokenHash, Instant createdAt, Instant expiresAt, Long importRunId) {
        this.identifiant = Objects.requireNonNull(identifiant, "identifiant");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("An invitation must expire after it is made");
        }
        this.importRunId = importRunId;
    }

    public boolean isOpen(Instant now) {
        return closedAt == null && now.isBefore(expiresAt);
    }

    public boolean isExpired(Instant now) {
        return closedAt == null && !now.isBefore(expiresAt);
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    /** Used up by an activation, or replaced by a newer invitation. */
    public void close(Instant now) {
        if (closedAt == null) {
            closedAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public String identifiant() {
        return identifiant;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Long importRunId() {
        return importRunId;
    }
}
