package fr.sesame.retention;

/** What the nightly purge removes, each after its own duration ({@link RetentionSettings}). */
public enum Kept {
    /** The uploaded HR file itself, once its import finished: only the report (masked NUMENs) stays. */
    IMPORT_FILES,
    /** The import's report and its rejected lines. */
    IMPORT_REPORTS,
    /** Closed tickets, with their thread and their attachments. */
    CLOSED_TICKETS,
    /** Audit events: the beginning of the chain, in order. */
    AUDIT_EVENTS,
    /** Outbox rows sent, failed or expired. */
    OUTBOX,
    /** Invitations used or expired. */
    INVITATIONS,
    /** Activation codes, reset links and recovery address links, used or expired. */
    TOKENS,
    /** Attempt counters whose window and lock are over. */
    ATTEMPTS
}
