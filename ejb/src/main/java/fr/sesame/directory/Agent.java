package fr.sesame.directory;

import fr.sesame.school.Uai;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent as read from the directory. Holds no secret: the NUMEN and the password stay in the directory.
 *
 * @param dn the entry's distinguished name
 * @param identifiant the login, for example {@code cmartin}
 * @param passwordChangedAt when the directory last saw the password change, if it keeps that date
 */
public record Agent(
        String dn,
        String identifiant,
        String givenName,
        String surname,
        String displayName,
        String academicAddress,
        Optional<Uai> uai,
        Optional<String> recoveryAddress,
        Optional<String> mobile,
        AccountState state,
        Optional<Instant> passwordChangedAt) {

    public Agent {
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(identifiant, "identifiant");
        Objects.requireNonNull(state, "state");
        uai = Objects.requireNonNullElse(uai, Optional.empty());
        recoveryAddress = Objects.requireNonNullElse(recoveryAddress, Optional.empty());
        mobile = Objects.requireNonNullElse(mobile, Optional.empty());
        passwordChangedAt = Objects.requireNonNullElse(passwordChangedAt, Optional.empty());
        if (displayName == null || displayName.isBlank()) {
            displayName = ((givenName == null ? "" : givenName) + " " + (surname == null ? "" : surname)).strip();
        }
    }

    public boolean isActive() {
        return state == AccountState.ACTIVE;
    }

    @Override
    public String toString() {
        // Personal data stays out of logs: the identifiant is enough to follow a case.
        return "Agent[" + identifiant + ", " + state + "]";
    }
}
