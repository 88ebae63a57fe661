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
    IMPORT_FINISHED
}
