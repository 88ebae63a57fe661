package fr.sesame.security;

/** What an audit event records. Stored by name: append new values, never rename one. */
public enum AuditEventType {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_REFUSED_ACCOUNT_STATE,
    LOGOUT,
    AGENT_INVITED,
    INVITATION_RENEWED,
    ACTIVATION_NUMEN_REFUSED,
    ACTIVATION_CODE_SENT,
    ACTIVATION_CODE_REFUSED,
    ACCOUNT_ACTIVATED,
    IDENTIFIANT_REMINDER_SENT,
    ATTEMPTS_LIMITED,
    IMPORT_STARTED,
    IMPORT_FINISHED,
    PASSWORD_CHANGED,
    PASSWORD_CHANGE_REFUSED,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET,
    LOGIN_LOCKED_OUT,
    LOCK_LIFTED,
    ROTATION_REMINDER_SENT,
    ROTATION_SWEEP_RUN,
    TICKET_OPENED,
    SECURITY_REPORTED,
    PASSWORD_RESET_FORCED,
    ACCOUNT_LOCKED,
    /** The security officer unlocked an account Sésame had locked. */
    ACCOUNT_UNLOCKED,
    /** The password was right; the login waits for the second factor's code. */
    LOGIN_PASSWORD_ACCEPTED,
    SECOND_FACTOR_CODE_REFUSED,
    /** A recovery code opened a login instead of the phone. */
    SECOND_FACTOR_RECOVERY_CODE_USED,
    SECOND_FACTOR_ENABLED,
    SECOND_FACTOR_RECOVERY_CODES_RENEWED,
    /** Turned off by the agent, or reset by the hotline (detail: by whom) or after a lost-device report. */
    SECOND_FACTOR_RESET,
    RECOVERY_ADDRESS_CHANGE_REQUESTED,
    RECOVERY_ADDRESS_CHANGED,
    /** A staff member sent a pending agent a new invitation from the agent look-up. */
    INVITATION_RESENT,
    /** A staff member sent a reset link to the agent's recovery address on file. */
    PASSWORD_RESET_LINK_SENT_BY_STAFF,
    /** The nightly retention purge ran: what it removed, kind by kind. */
    RETENTION_PURGE_RUN,
    /** An HR file gave the agent's last day of service, or moved it (detail: the day, the import). */
    DEPARTURE_RECORDED,
    /** A later HR file gave no end date any more for an account still open. */
    DEPARTURE_CANCELLED,
    /** The account closed after the agent's last day: directory state and lock, links dead, sessions ended. */
    ACCOUNT_DEPARTED,
    /** After the retention, the departed agent left Sésame's directory groups (the entry stays). */
    DEPARTED_GROUPS_LEFT
}
