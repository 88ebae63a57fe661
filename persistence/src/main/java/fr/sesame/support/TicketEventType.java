package fr.sesame.support;

/** What happened to a ticket. Stored by name: append new values, never rename one. */
public enum TicketEventType {
    CREATED,
    REPLY,
    NOTE,
    TAKEN,
    WAITING,
    RESOLVED,
    REOPENED,
    CLOSED,
    ESCALATED,
    RATED,
    IDENTITY_VERIFIED
}
