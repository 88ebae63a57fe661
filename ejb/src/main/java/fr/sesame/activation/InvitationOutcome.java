package fr.sesame.activation;

/** What importing one line of the HR file did. */
public enum InvitationOutcome {
    /** A new pending entry and an invitation e-mail. */
    INVITED,
    /** The agent was invited before: nothing changed, nothing sent. */
    ALREADY_INVITED,
    /** The agent's account is active: reported, not re-invited. */
    ALREADY_ACTIVE,
    /** The agent's account is locked: reported, left alone. */
    ACCOUNT_LOCKED,
    /** Every numbered identifiant up to the limit is taken. */
    NO_FREE_IDENTIFIANT
}
