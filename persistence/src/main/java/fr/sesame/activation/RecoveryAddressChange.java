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
 * A recovery address the agent typed, waiting for the link sent to it. It replaces the address on file
 * only once the link is followed; a newer request, or the end of its validity, closes it.
 */
@Entity
@Table(name = "recovery_address_change")
public class RecoveryAddressChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "identifiant", length = 64, nullable = false, updatable = false)
    private String identifiant;

    @Column(name = "new_address", length = 254, nullable = false, updatable = false)
    private String newAddress;

    @Column(name = "token_hash", length = 64, nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected RecoveryAddressChange() {
        // for JPA
    }

    public RecoveryAddressChange(String identifiant, String newAddress, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.identifiant = Objects.requireNonNull(identifiant, "identifiant");
        this.newAddress = Objects.requireNonNull(newAddress, "newAddress");
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

    public String newAddress() {
        return newAddress;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** Still waiting for its link at {@code now}. */
    public boolean isOpen(Instant now) {
        return confirmedAt == null && closedAt == null && now.isBefore(expiresAt);
    }
}
