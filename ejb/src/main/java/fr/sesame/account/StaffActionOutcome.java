package fr.sesame.account;

/** What became of an action a staff member asked for in the agent look-up. */
public enum StaffActionOutcome {
    DONE,
    /** The confirmation box was not ticked: nothing done. */
    NOT_CONFIRMED,
    /** An invitation only goes to a pending account. */
    NOT_PENDING,
    /** A reset link or a lock only for an active account. */
    NOT_ACTIVE,
    NOT_LOCKED,
    /** Nothing to send it to: the agent has no recovery address on file. */
    NO_RECOVERY_ADDRESS,
    /** An invitation left a few minutes ago: nothing more is sent. */
    TOO_RECENT,
    /** The agent has no second factor. */
    NOTHING_TO_RESET
}
