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
 * A forgotten-password link. Only the token's hash is kept; the link works once, for a while, and
 * only while it is the agent's latest.
 */
@Entity
@Table(name = "password_reset")
public class PasswordReset {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "identifiant", length = 64, nullable = false, updatable = false)
    private String identifiant;

    @Column(name = "token_hash", length = 64, nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected PasswordReset() {
        // for JPA
    }

    public PasswordReset(String identifiant, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.identifiant = Objects.requireNonNull(identifiant, "identifiant");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public Long id() {
        return id;
    }

    public String identifiant() {
        return identifiant;
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    /** Closed without being used: a newer link or a password change replaced it. */
    public boolean isReplaced() {
        return usedAt == null && closedAt != null;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isOpen(Instant now) {
        return closedAt == null && !isExpired(now);
    }

    /** The link did its job: it never works again. */
    public void use(Instant now) {
        usedAt = now;
        closedAt = now;
    }

    public void close(Instant now) {
        if (closedAt == null) {
            closedAt = now;
        }
    }
}
