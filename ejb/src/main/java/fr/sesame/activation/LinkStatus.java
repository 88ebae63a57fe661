package fr.sesame.activation;

/** What an activation link from an invitation e-mail is worth now. */
public enum LinkStatus {
    /** Open: go on with the activation. */
    VALID,
    /** Too old: offer a new invitation, sent to the recovery address on file. */
    EXPIRED,
    /** Replaced by a newer invitation: use the latest e-mail. */
    REPLACED,
    /** The account is already active: log in, or use the forgotten password. */
    ALREADY_ACTIVE,
    /** Not a link Sésame sent (mistyped, cut by the mail client). */
    UNKNOWN;

    /** What the link of this invitation is worth now, for an account active or not. */
    public static LinkStatus of(Invitation invitation, boolean accountActive, java.time.Instant now) {
        if (accountActive) {
            return ALREADY_ACTIVE;
        }
        if (invitation.isOpen(now)) {
            return VALID;
        }
        return invitation.isExpired(now) ? EXPIRED : REPLACED;
    }
}
