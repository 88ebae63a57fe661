package fr.sesame.support;

/** What the request is about, as the specification lists it. Stored by name. */
public enum TicketCategory {
    ACTIVATION,
    PASSWORD,
    DEVICE,
    BLOCKED_ACCESS,
    SECURITY,
    OTHER
}
