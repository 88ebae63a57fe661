package fr.sesame.account;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether an agent is locked out by too many failures, as the hotline sees it.
 *
 * @param loginLockedUntil until when logins (and password changes) are refused
 * @param resetLockedUntil until when forgotten-password requests are refused
 * @param secondFactor     whether logins ask for an authenticator app's code (the hotline may reset it)
 */
public record LockStatus(String identifiant, String displayName, Optional<Instant> loginLockedUntil,
                         Optional<Instant> resetLockedUntil, boolean secondFactor) {

    public boolean isLocked() {
        return loginLockedUntil.isPresent() || resetLockedUntil.isPresent();
    }
}
