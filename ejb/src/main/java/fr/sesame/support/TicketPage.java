package fr.sesame.support;

import java.util.List;

/** One page of a ticket list and how many tickets the whole list holds. */
public record TicketPage(List<Ticket> rows, long total) {
}
