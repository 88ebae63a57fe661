package fr.sesame.account;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether an agent is locked out by too many failures, as the hotline sees it.
 *
 * @param loginLockedUntil until when logins (and password changes) are refused
 * @param resetLockedUntil until when forgotten-password requests are refused
 */
public record LockStatus(String identifiant, String displayName, Optional<Instant> loginLockedUntil,
                         Optional<Instant> resetLockedUntil) {

    public boolean isLocked() {
        return loginLockedUntil.isPresent() || resetLockedUntil.isPresent();
    }
}
