package fr.sesame.activation;

import fr.sesame.mail.MessageChannel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * The one-time code that proves the agent reads their recovery mailbox or phone. Only its hash is
 * kept; it lives a few minutes and a few wrong tries.
 */
@Entity
@Table(name = "activation_code")
public class ActivationCode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "identifiant", length = 64, nullable = false, updatable = false)
    private String identifiant;

    @Column(name = "code_hash", length = 64, nullable = false, updatable = false)
    private String codeHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 10, nullable = false, updatable = false)
    private MessageChannel channel;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "failed_tries", nullable = false)
    private int failedTries;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected ActivationCode() {
        // for JPA
    }

    public ActivationCode(String identifiant, String codeHash, MessageChannel channel, Instant createdAt, Instant expiresAt) {
        this.identifiant = Objects.requireNonNull(identifiant, "identifiant");
        this.codeHash = Objects.requireNonNull(codeHash, "codeHash");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isUsable(Instant now, int maxTries) {
        return closedAt == null && verifiedAt == null && now.isBefore(expiresAt) && failedTries < maxTries;
    }

    /** The right code was typed: the agent may now choose a password, for a while. */
    public void verified(Instant now) {
        verifiedAt = now;
    }

    /** Verified, not yet used, and verified after {@code notBefore}. */
    public boolean isVerifiedSince(Instant notBefore) {
        return closedAt == null && verifiedAt != null && verifiedAt.isAfter(notBefore);
    }

    public void close(Instant now) {
        if (closedAt == null) {
            closedAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public String codeHash() {
        return codeHash;
    }

    public String identifiant() {
        return identifiant;
    }

    public MessageChannel channel() {
        return channel;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int failedTries() {
        return failedTries;
    }
}
