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

    /** The login that made the latest cutoff and goes on past it; null when none did (a lock). */
    @Column(name = "kept_login", length = 36)
    private String keptLogin;

    protected SessionCutoff() {
        // for JPA
    }

    public SessionCutoff(String identifiant, Instant validAfter, String keptLogin) {
        this.identifiant = Objects.requireNonNull(identifiant, "identifiant");
        this.validAfter = Objects.requireNonNull(validAfter, "validAfter");
        this.keptLogin = keptLogin;
    }

    /**
     * Sessions opened before {@code instant} end, except the login {@code keptLogin} (null: none); a
     * later cutoff never moves back, and the login kept by an earlier one is kept no longer.
     */
    public void endSessionsBefore(Instant instant, String keptLogin) {
        if (instant.isAfter(validAfter)) {
            validAfter = instant;
        }
        this.keptLogin = keptLogin;
    }

    /** Whether a session of the login {@code login} (null: unknown) admitted at {@code admittedAt} still counts. */
    public boolean keeps(Instant admittedAt, String login) {
        return !admittedAt.isBefore(validAfter) || (login != null && login.equals(keptLogin));
    }

    public Instant validAfter() {
        return validAfter;
    }
}
