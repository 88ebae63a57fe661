package fr.sesame.dashboard;

/**
 * Tickets opened and resolved in a period. A ticket resolved "in time" was resolved by its resolution
 * deadline: the one of the level that resolved it, since a ticket passed up the chain gets new deadlines.
 */
public record TicketCount(long opened, long resolved, long resolvedInTime) {

    public static final TicketCount NONE = new TicketCount(0, 0, 0);

    public TicketCount plus(TicketCount other) {
        return new TicketCount(opened + other.opened, resolved + other.resolved, resolvedInTime + other.resolvedInTime);
    }

    public Share inTime() {
        return new Share(resolvedInTime, resolved);
    }
}
