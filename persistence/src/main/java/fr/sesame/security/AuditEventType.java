package fr.sesame.security;

/** What an audit event records. Stored by name: append new values, never rename one. */
public enum AuditEventType {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_REFUSED_ACCOUNT_STATE,
    LOGOUT
}
