package fr.sesame.dashboard;

import fr.sesame.support.TicketCategory;

import java.time.LocalDate;

/**
 * The tickets of one category and one support level in one week: opened that week (by their level now),
 * resolved that week (by the level that resolved them).
 */
public record TicketCell(LocalDate weekStart, TicketCategory category, int level, TicketCount count) {
}
