package fr.sesame.dashboard;

import fr.sesame.support.Ticket;
import fr.sesame.support.TicketCategory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Tickets opened and resolved per week, by category and support level: every week, category and level
 * is there, with zeros where nothing happened.
 */
public record TicketFigures(List<LocalDate> weeks, List<TicketCell> cells) {

    /** The support's levels: the school's référents, the hotline, the experts. */
    public static final List<Integer> LEVELS = List.of(Ticket.SCHOOL, Ticket.HOTLINE, Ticket.EXPERTS);

    public TicketFigures {
        weeks = List.copyOf(weeks);
        cells = List.copyOf(cells);
    }

    /** Each week, all categories and levels together. */
    public List<Week> perWeek() {
        List<Week> perWeek = new ArrayList<>();
        for (LocalDate week : weeks) {
            perWeek.add(new Week(week, cells.stream().filter(c -> c.weekStart().equals(week))
                    .map(TicketCell::count).reduce(TicketCount.NONE, TicketCount::plus)));
        }
        return perWeek;
    }

    /** Each category and level over all the weeks. */
    public List<Group> perCategoryAndLevel() {
        List<Group> groups = new ArrayList<>();
        for (TicketCategory category : TicketCategory.values()) {
            for (int level : LEVELS) {
                groups.add(new Group(category, level, cells.stream()
                        .filter(c -> c.category() == category && c.level() == level)
                        .map(TicketCell::count).reduce(TicketCount.NONE, TicketCount::plus)));
            }
        }
        return groups;
    }

    /** The tickets of this category and level opened over all the weeks. */
    public long openedIn(TicketCategory category, int level) {
        return cells.stream().filter(c -> c.category() == category && c.level() == level)
                .mapToLong(c -> c.count().opened()).sum();
    }

    public TicketCount total() {
        return cells.stream().map(TicketCell::count).reduce(TicketCount.NONE, TicketCount::plus);
    }

    public record Week(LocalDate weekStart, TicketCount count) {
    }

    public record Group(TicketCategory category, int level, TicketCount count) {
    }
}
