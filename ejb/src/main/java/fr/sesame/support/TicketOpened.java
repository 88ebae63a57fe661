package fr.sesame.support;

/** A ticket (a request or a security report) was stored at this level of the support chain ({@link Ticket#SCHOOL}…). */
public record TicketOpened(int level) {
}
