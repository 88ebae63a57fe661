package fr.sesame.secondfactor;

/** What the code step of a login decided. */
public enum LoginCodeOutcome {
    /** The app's code, not used before. */
    ACCEPTED,
    /** One of the recovery codes (now used up). */
    RECOVERY_CODE_ACCEPTED,
    /** Neither, or a code already used. */
    REFUSED
}
