package fr.sesame.account;

import fr.sesame.activation.LinkStatus;
import fr.sesame.directory.AccountState;

import java.util.Optional;

/**
 * Where an account stands for Sésame, beyond the directory's state: what happens when the agent tries
 * to get in now. The hotline reads it first on the phone.
 */
public enum AccountStanding {
    /** Logs in. */
    OPEN,
    /** Logs in, then must change the password before anything else. */
    PASSWORD_EXPIRED,
    /** Too many failures: refused (or asked for the robot check) until the lock-out ends or is lifted. */
    LOCKED_OUT,
    /** Pending, with an invitation whose link works now. */
    AWAITING_ACTIVATION,
    /** Pending, the invitation's link expired or replaced: a new invitation is needed. */
    INVITATION_EXPIRED,
    /** Pending, never invited (no recovery address in the HR file, say). */
    NOT_INVITED,
    /** Locked by the support or the RSSI: nobody gets in until it is unlocked. */
    LOCKED,
    /** Closed after the agent's last day of service. */
    DEPARTED;

    /**
     * @param invitation the status of the latest invitation's link, if there is one
     * @param lockedOut  whether some lock-out of the account is in effect
     */
    public static AccountStanding of(AccountState state, Optional<LinkStatus> invitation, boolean passwordExpired,
                                     boolean lockedOut) {
        return switch (state) {
            case LOCKED -> LOCKED;
            case DEPARTED -> DEPARTED;
            case PENDING -> invitation.isEmpty() ? NOT_INVITED
                    : invitation.get() == LinkStatus.VALID ? AWAITING_ACTIVATION : INVITATION_EXPIRED;
            case ACTIVE -> lockedOut ? LOCKED_OUT : passwordExpired ? PASSWORD_EXPIRED : OPEN;
        };
    }
}
