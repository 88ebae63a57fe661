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
    NO_FREE_IDENTIFIANT,
    /** An active agent's last day recorded, moved or cancelled: no invitation, a departure. */
    DEPARTURE_RECORDED,
    /** The account was closed after the agent's departure: reported, not reopened by a file. */
    ACCOUNT_CLOSED,
    /** A new agent whose last day is already over: no account made. */
    ALREADY_ENDED
}
