package fr.sesame.support;

/** Where a ticket stands. Stored by name: append new values, never rename one. */
public enum TicketStatus {
    /** Nouveau: nobody took it yet. */
    NEW,
    /** En cours: someone of the support is on it. */
    IN_PROGRESS,
    /** En attente: the support waits for the agent's answer. */
    WAITING,
    /** Résolu: the support thinks it is solved; the agent may reopen it for a while. */
    RESOLVED,
    /** Clos: over. */
    CLOSED;

    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }
}
